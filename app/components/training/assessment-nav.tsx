// The tabs of an assignment's fasilitator pages: edit, extensions, grading — and the trainee's view.
import { NavLink } from "@remix-run/react";
import { useT } from "~/i18n/react";

export function AssignmentTabs({ moduleId, assignmentId }: { moduleId: string; assignmentId: string }) {
  const t = useT();
  const base = `/pelatihan/${moduleId}/tugas/${assignmentId}`;
  const tabs = [
    { to: `${base}/ubah`, label: t("assignment.nav.edit") },
    { to: `${base}/perpanjangan`, label: t("assignment.nav.extensions") },
    { to: `${base}/penilaian`, label: t("assignment.nav.queue") },
    { to: `${base}/silang-baca`, label: t("assignment.nav.peer") },
    { to: base, label: t("assignment.nav.trainee"), end: true },
  ];
  return (
    <nav aria-label={t("assignment.nav.label")} className="-mx-4 mb-6 overflow-x-auto border-b border-line px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.end}
              prefetch="intent"
              className={({ isActive }) =>
                `flex min-h-11 items-center border-b-2 px-3 font-semibold no-underline ${
                  isActive ? "border-brand-700 text-brand-800" : "border-transparent text-muted hover:text-brand-700"
                }`
              }
            >
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
