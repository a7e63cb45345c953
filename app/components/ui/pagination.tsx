// Previous / next links for a paged list. Keeps every other query parameter (filters) as it is.
// Plain anchors that navigate client-side (see client-nav.tsx).
import { useLocation } from "@remix-run/react";
import { useClientNavigation } from "~/components/client-nav";
import { useT } from "~/i18n/react";
import { buttonClass } from "./button";

export function Pagination({ page, pages, total }: { page: number; pages: number; total: number }) {
  const t = useT();
  const location = useLocation();
  const onNavigate = useClientNavigation();
  if (pages <= 1) return <p className="mt-4 text-sm text-muted">{t("list.total", { count: total })}</p>;
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p <= 1) params.delete("page");
    else params.set("page", String(p));
    const qs = params.toString();
    return qs ? `${location.pathname}?${qs}` : location.pathname;
  };
  return (
    <nav aria-label={t("pagination.label")} className="mt-4 flex flex-wrap items-center justify-between gap-3" onClick={onNavigate}>
      <p className="text-sm text-muted">
        {t("list.page", { page: Math.min(page, pages), pages })} · {t("list.total", { count: total })}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <a href={hrefFor(Math.min(page - 1, pages))} rel="prev" className={buttonClass("secondary")}>
            {t("action.previous")}
          </a>
        ) : null}
        {page < pages ? (
          <a href={hrefFor(page + 1)} rel="next" className={buttonClass("secondary")}>
            {t("action.next")}
          </a>
        ) : null}
      </div>
    </nav>
  );
}
