import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { requirePermission } from "~/.server/permissions.server";
import { ButtonLink } from "~/components/ui/button";
import { Badge, EmptyState, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { listLibraryRubrics } from "~/models/rubric.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Pustaka rubrik — Sinergi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "training.author");
  return { rubrics: await listLibraryRubrics(db) };
}

export default function RubricLibrary() {
  const { rubrics } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <PageHeader
        eyebrow={t("nav.training")}
        title={t("rubric.library.title")}
        description={t("rubric.library.description")}
        actions={<ButtonLink to="/rubrik/baru" variant="primary">{t("rubric.library.new")}</ButtonLink>}
      />
      {rubrics.length === 0 ? (
        <EmptyState>{t("rubric.library.empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {rubrics.map((r) => (
            <li key={r.id} className="flex flex-col rounded-card border border-line bg-white p-4 shadow-sm sm:p-5">
              <div className="mb-2 flex flex-wrap items-center gap-2">
                {r.workKind ? <Badge tone="brand">{t(`rubric.kind.${r.workKind}`)}</Badge> : <Badge>{t("rubric.kind.any")}</Badge>}
                <span className="text-sm text-muted">{t("rubric.library.criteriaCount", { count: r.criteria })}</span>
              </div>
              <h2 className="text-lg font-bold">
                <Link to={`/rubrik/${r.id}`} className="text-ink no-underline hover:text-brand-700 hover:underline">{r.title}</Link>
              </h2>
              {r.description ? <p className="mt-1 flex-1 text-[0.95rem] text-muted">{r.description}</p> : <div className="flex-1" />}
              <div className="mt-3">
                <ButtonLink to={`/rubrik/${r.id}`} aria-label={t("rubric.library.openLabel", { title: r.title })}>{t("rubric.library.open")}</ButtonLink>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
