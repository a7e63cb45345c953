// The header shared by the two network pages (/jejaring and /jejaring/peran): the network's name,
// tabs between them, and for read-only viewers (pimpinan) a note that changes are the coordinator's.
import { NavLink } from "@remix-run/react";
import { Notice, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";

const tab = ({ isActive }: { isActive: boolean }) =>
  `flex min-h-11 shrink-0 items-center border-b-2 px-4 font-semibold no-underline ${
    isActive ? "border-brand-700 text-brand-800" : "border-transparent text-muted hover:text-brand-700"
  }`;

export function NetworkHeader({ name, readOnly }: { name: string; readOnly: boolean }) {
  const t = useT();
  return (
    <>
      <PageHeader eyebrow={t("network.title")} title={name} />
      <nav aria-label={t("network.tabs")} className="mb-6 flex gap-1 overflow-x-auto border-b border-line">
        <NavLink to="/jejaring" end className={tab}>{t("network.tab.profile")}</NavLink>
        <NavLink to="/jejaring/peran" className={tab}>{t("network.tab.roles")}</NavLink>
      </nav>
      {readOnly ? <Notice tone="neutral">{t("network.readOnly")}</Notice> : null}
    </>
  );
}
