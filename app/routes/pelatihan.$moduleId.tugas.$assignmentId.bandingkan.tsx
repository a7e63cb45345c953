// Two versions of one submission compared: the release text with inserted and deleted words
// marked (<ins>/<del>: underline and strike-through, not colour alone, plus words for screen
// readers), and for image kinds the images of both versions side by side. For the piece's author,
// its active reviewers and the module's fasilitators (and the coordinator); nobody's name is shown,
// so an anonymous reviewer learns nothing about the author here. Everyone else gets 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { can, notFound } from "~/.server/permissions.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { Button } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { compareRole, compareVersions } from "~/models/peer-results.server";
import { getSubmission } from "~/models/submission.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.assignment.title} — Sinergi` : "Sinergi" }];

const num = (s: string | null) => {
  const n = Number.parseInt(s ?? "", 10);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { assignment: a, ...m } = await requireModuleAssignment(user, params.moduleId, params.assignmentId);
  const url = new URL(request.url);
  const sub = await getSubmission(db, url.searchParams.get("kiriman") ?? "");
  if (!sub || sub.assignment_id !== a.id) notFound();
  const role = await compareRole(db, sub.id, user.id);
  if (!can(user, "submission.view", { ...m.scope, ownerId: sub.user_id, isReviewer: role === "reviewer" })) notFound();
  if (sub.version_count < 2) notFound();
  const to = Math.min(num(url.searchParams.get("ke")) ?? sub.version_count, sub.version_count);
  const from = Math.min(num(url.searchParams.get("dari")) ?? Math.max(1, to - 1), sub.version_count);
  const c = await compareVersions(db, sub.id, from, to);
  if (!c) notFound();
  const images = (v: typeof c.from) => v.files.filter((f) => f.role !== "video" && f.mime_type.startsWith("image/")).map((f) => ({ id: f.id, role: f.role, caption: f.caption, width: f.width, height: f.height }));
  const staff = can(user, "submission.grade", m.scope);
  const back = staff
    ? `/pelatihan/${m.module.id}/tugas/${a.id}/penilaian/${sub.id}`
    : `/pelatihan/${m.module.id}/tugas/${a.id}${role === "author" ? "/ulasan" : ""}`;
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title, kind: a.kind },
    submissionId: sub.id,
    back,
    numbers: c.versionNumbers,
    from: { number: c.from.number, submittedAt: c.from.submitted_at, images: images(c.from), link: c.from.link_url },
    to: { number: c.to.number, submittedAt: c.to.submitted_at, images: images(c.to), link: c.to.link_url },
    diff: c.diff,
  };
}

export default function CompareVersionsPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const same = d.from.number === d.to.number;
  const changed = d.diff ? d.diff.parts.some((p) => p.op !== "equal") : false;
  const selectClass = "block min-h-11 w-full rounded-control border border-line bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500";

  return (
    <div className="mx-auto max-w-5xl">
      <p className="mb-2 text-sm">
        <Link to={d.back}>← {t("review.result.back")}</Link>
      </p>
      <PageHeader eyebrow={d.assignment.title} title={t("review.result.compareTitle")} description={t("review.result.compareIntro", { from: d.from.number, to: d.to.number })} />

      <Card className="mb-6">
        <Form method="get" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <input type="hidden" name="kiriman" value={d.submissionId} />
          <div>
            <label htmlFor="dari" className="mb-1 block font-semibold">{t("review.result.from")}</label>
            <select id="dari" name="dari" defaultValue={d.from.number} className={selectClass}>
              {d.numbers.map((n) => <option key={n} value={n}>{t("submission.versionN", { n })}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="ke" className="mb-1 block font-semibold">{t("review.result.to")}</label>
            <select id="ke" name="ke" defaultValue={d.to.number} className={selectClass}>
              {d.numbers.map((n) => <option key={n} value={n}>{t("submission.versionN", { n })}</option>)}
            </select>
          </div>
          <Button variant="secondary">{t("review.result.show")}</Button>
        </Form>
        <dl className="mt-3 grid gap-1 text-sm text-muted sm:grid-cols-2">
          <div><dt className="inline">{t("submission.versionN", { n: d.from.number })}: </dt><dd className="inline">{formatDateTime(d.from.submittedAt, tz, locale)}</dd></div>
          <div><dt className="inline">{t("submission.versionN", { n: d.to.number })}: </dt><dd className="inline">{formatDateTime(d.to.submittedAt, tz, locale)}</dd></div>
        </dl>
      </Card>

      {same ? <Notice tone="warning">{t("review.result.sameVersion")}</Notice> : null}

      {d.diff ? (
        <Card aria-labelledby="diff-title" className="mb-6">
          <h2 id="diff-title" className="mb-1 text-xl font-bold">{t("submission.kind.release")}</h2>
          <p className="mb-1 text-sm text-muted" id="diff-legend">{t("review.result.legend")}</p>
          <p className="mb-3 text-sm font-semibold" data-testid="diff-stats">
            {changed ? t("review.result.stats", { ins: d.diff.inserted, del: d.diff.deleted }) : t("review.result.noChanges")}
          </p>
          {d.diff.granularity === "paragraph" ? <Notice tone="brand">{t("review.result.paragraphLevel")}</Notice> : null}
          <div className="whitespace-pre-wrap rounded-control border border-line bg-white p-4 leading-relaxed" aria-describedby="diff-legend" data-testid="diff">
            {d.diff.parts.map((p, i) =>
              p.op === "insert" ? (
                <ins key={i} className="bg-success-50 text-success-700 underline decoration-2 underline-offset-4">
                  <span className="sr-only">{t("review.result.inserted")} </span>{p.text}
                </ins>
              ) : p.op === "delete" ? (
                <del key={i} className="bg-danger-50 text-danger-700 line-through decoration-2">
                  <span className="sr-only">{t("review.result.deleted")} </span>{p.text}
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </div>
        </Card>
      ) : null}

      {d.from.images.length || d.to.images.length ? (
        <Card aria-labelledby="images-title" className="mb-6">
          <h2 id="images-title" className="mb-3 text-xl font-bold">{t("review.result.imagesSideBySide")}</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {[d.from, d.to].map((v) => (
              <section key={v.number} aria-label={t("submission.versionN", { n: v.number })}>
                <h3 className="mb-2 font-semibold">{t("submission.versionN", { n: v.number })}</h3>
                <ul className="space-y-3">
                  {v.images.map((f) => (
                    <li key={f.id}>
                      <figure className="overflow-hidden rounded-control border border-line bg-white">
                        <img src={`/berkas/${f.id}`} alt={f.caption ?? ""} width={f.width ?? undefined} height={f.height ?? undefined} loading="lazy" className="mx-auto h-auto max-h-96 w-auto max-w-full" />
                        {f.caption ? <figcaption className="border-t border-line p-2 text-sm whitespace-pre-line">{f.caption}</figcaption> : null}
                      </figure>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </Card>
      ) : null}

      {d.from.link || d.to.link ? (
        <Card className="mb-6">
          <dl className="space-y-2">
            {[d.from, d.to].map((v) => (
              <div key={v.number}>
                <dt className="font-semibold">{t("submission.versionN", { n: v.number })}</dt>
                <dd className="break-all">{v.link ? <a href={v.link} rel="noopener noreferrer nofollow" target="_blank">{v.link}</a> : "—"}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
    </div>
  );
}
