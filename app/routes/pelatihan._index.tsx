// The training catalogue. Trainees see the modules they are enrolled in and published modules open
// for self-enrolment; authors (fasilitator, koordinator) and readers of all see every module,
// drafts and archive included, and authors get "Buat modul".
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can } from "~/.server/permissions.server";
import { ModuleCover, ModuleStatusBadge } from "~/components/training/module-bits";
import { ButtonLink } from "~/components/ui/button";
import { Badge, EmptyState, PageHeader } from "~/components/ui/card";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { listCatalogue } from "~/models/module.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return [{ title: `${makeT(parseLocale(root?.locale))("module.catalogue.title")} — Sinergi` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const author = can(user, "training.author");
  const all = author || can(user, "network.readAll");
  const modules = await listCatalogue(db, user.id, { all });
  return { modules, author, all };
}

export default function Catalogue() {
  const { modules, author, all } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("module.catalogue.title")}
        description={all ? t("module.catalogue.descriptionAuthor") : t("module.catalogue.description")}
        actions={
          author ? (
            <>
              <ButtonLink to="/rubrik" variant="secondary">{t("rubric.library.title")}</ButtonLink>
              <ButtonLink to="/pelatihan/baru" variant="primary">{t("module.catalogue.create")}</ButtonLink>
            </>
          ) : null
        }
      />
      {modules.length === 0 ? (
        <EmptyState>{author ? t("module.catalogue.emptyAuthor") : t("module.catalogue.empty")}</EmptyState>
      ) : (
        <ul aria-label={t("module.catalogue.list")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {modules.map((m) => (
            <li key={m.id} className="flex flex-col overflow-hidden rounded-card border border-line bg-white shadow-sm">
              <ModuleCover moduleId={m.id} version={m.coverVersion} title={m.title} small />
              <div className="flex flex-1 flex-col gap-2 p-4">
                <h2 className="text-lg font-bold leading-snug">
                  <Link to={`/pelatihan/${m.id}`} className="no-underline hover:underline">{m.title}</Link>
                </h2>
                <p className="text-sm text-muted">
                  {t("module.jp", { jp: m.jp })} · {t(`module.category.${m.outputCategory}`)} · {t("module.lessonCount", { count: m.lessons })}
                </p>
                {m.summary ? <p className="line-clamp-3 text-[0.95rem]">{m.summary}</p> : null}
                <div className="mt-auto flex flex-wrap gap-1.5 pt-1">
                  {all || m.status !== "published" ? <ModuleStatusBadge status={m.status} /> : null}
                  {m.enrolled ? <Badge tone="brand">{t("module.badge.enrolled")}</Badge> : null}
                  {!m.enrolled && m.selfEnrol && m.status === "published" ? <Badge tone="success">{t("module.badge.selfEnrol")}</Badge> : null}
                  {m.facilitating ? <Badge>{t("module.badge.facilitating")}</Badge> : null}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
