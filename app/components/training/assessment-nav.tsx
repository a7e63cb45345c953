// The tabs of an assignment's fasilitator pages: edit, extensions, grading — and the trainee's view.
// Plain anchors that navigate client-side through one handler (see client-nav.tsx): a NavLink per
// tab cost the grading queue's render more than a row of its table.
import { useLocation } from "@remix-run/react";
import { useClientNavigation } from "~/components/client-nav";
import { useT } from "~/i18n/react";

export function AssignmentTabs({ moduleId, assignmentId }: { moduleId: string; assignmentId: string }) {
  const t = useT();
  const { pathname } = useLocation();
  const onNavigate = useClientNavigation();
  const base = `/pelatihan/${moduleId}/tugas/${assignmentId}`;
  const tabs = [
    { to: `${base}/ubah`, label: t("assignment.nav.edit") },
    { to: `${base}/perpanjangan`, label: t("assignment.nav.extensions") },
    { to: `${base}/penilaian`, label: t("assignment.nav.queue") },
    { to: `${base}/silang-baca`, label: t("assignment.nav.peer") },
    { to: base, label: t("assignment.nav.trainee"), end: true },
  ];
  const here = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  return (
    <nav aria-label={t("assignment.nav.label")} className="-mx-4 mb-6 overflow-x-auto border-b border-line px-4 sm:mx-0 sm:px-0" onClick={onNavigate}>
      <ul className="flex min-w-max gap-1">
        {tabs.map((tab) => {
          // What NavLink decided: the tab's own page, or (unless `end`) a page below it.
          const active = here === tab.to || (!tab.end && here.startsWith(`${tab.to}/`));
          return (
            <li key={tab.to}>
              <a
                href={tab.to}
                aria-current={active ? "page" : undefined}
                className="tab"
              >
                {tab.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
