import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { baseUrlOf } from "~/.server/meeting-access.server";
import { notFound } from "~/.server/permissions.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { FormErrors, TextareaField } from "~/components/form";
import { AssignmentTabs } from "~/components/training/assessment-nav";
import { RubricTable } from "~/components/training/rubric-table";
import { SubmissionView } from "~/components/training/submission-view";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, Card, Notice, PageHeader } from "~/components/ui/card";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { gradeSchema } from "~/lib/assignment";
import { weightedScore } from "~/lib/rubric";
import { LevelChoices } from "~/components/training/level-choices";
import { getSubmissionForGrading, latestGrade, saveGrade } from "~/models/grading.server";
import { listCriteria } from "~/models/rubric.server";
import { getVersion, versionView } from "~/models/submission.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Penilaian karya — Sinergi" }];

async function load(request: Request, params: { moduleId?: string; assignmentId?: string; submissionId?: string }) {
  const user = await requireUser(request);
  const { assignment: a, ...m } = await requireModuleAssignment(user, params.moduleId, params.assignmentId, "submission.grade");
  const s = params.submissionId ? await getSubmissionForGrading(db, a.id, params.submissionId) : null;
  if (!s) notFound();
  return { user, m, a, s };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { m, a, s } = await load(request, params);
  const asked = Number.parseInt(new URL(request.url).searchParams.get("versi") ?? "", 10);
  const number = Number.isInteger(asked) && s.versions.some((v) => v.number === asked) ? asked : null;
  const [criteria, last, version] = await Promise.all([
    a.rubric_id ? listCriteria(db, a.rubric_id) : [],
    latestGrade(db, s.id),
    getVersion(db, s.id, number),
  ]);
  if (!version) notFound();
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title, kind: a.kind, locked: !!a.rubric_locked_at },
    submission: { id: s.id, name: s.name, agency: s.agency, status: s.status, score: s.score, late: s.late, versions: s.versions, current: s.versions[0]?.number ?? null },
    version: versionView(version),
    criteria,
    last,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, m, a, s } = await load(request, params);
  const submission = parseWithZod(await request.formData(), { schema: gradeSchema });
  if (submission.status !== "success") {
    // A level or comment that does not even parse is a forged field: say so, keep the rest.
    const forged = Object.keys(submission.error ?? {}).some((k) => k.startsWith("level") || k.startsWith("comment"));
    return data(submission.reply(forged ? { formErrors: ["grading.unknownCriterion"] } : {}), { status: 400 });
  }
  const r = await saveGrade(
    db,
    { assignment: { id: a.id, module_id: m.module.id, title: a.title, rubric_id: a.rubric_id }, submission: s },
    submission.value,
    { graderId: user.id, baseUrl: baseUrlOf(request) },
  );
  if (!r.ok) return data(submission.reply({ formErrors: [r.error] }), { status: 400 });
  const queue = `/pelatihan/${m.module.id}/tugas/${a.id}/penilaian`;
  return r.score === null
    ? redirectWithFlash(queue, { tone: "success", key: "grading.flash.returned" })
    : redirectWithFlash(queue, { tone: "success", key: "grading.flash.graded", params: { score: formatNumber(r.score, user.locale, 2) } });
}

export default function GradePage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const base = `/pelatihan/${d.module.id}/tugas/${d.assignment.id}/penilaian`;
  const older = d.submission.versions.filter((v) => v.number !== d.version.number);
  return (
    <div>
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.module.id}`} className="no-underline hover:underline">{d.module.title}</Link>}
        title={<span className="block text-balance">{d.assignment.title}</span>}
      />
      <AssignmentTabs moduleId={d.module.id} assignmentId={d.assignment.id} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-xl font-bold">{d.submission.name}</h2>
          <p className="text-muted">
            {d.submission.agency ? `${d.submission.agency} · ` : ""}
            {t(`grading.status.${d.submission.status}`)}
            {d.submission.late ? <span className="ml-2"><Badge tone="warning">{t("grading.late")}</Badge></span> : null}
          </p>
        </div>
        <ButtonLink to={base} variant="secondary">{t("grading.backToQueue")}</ButtonLink>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="work-title" className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <h2 id="work-title" className="sr-only">{t("grading.work")}</h2>
          <Card>
            <SubmissionView version={d.version} kind={d.assignment.kind} heading="h3" />
          </Card>
          {older.length ? (
            <nav aria-label={t("grading.versions")} className="mt-3 flex flex-wrap gap-2 text-sm">
              {d.submission.versions.map((v) => (
                <Link
                  key={v.number}
                  to={v.number === d.submission.current ? base + `/${d.submission.id}` : `${base}/${d.submission.id}?versi=${v.number}`}
                  aria-current={v.number === d.version.number ? "page" : undefined}
                  className={`inline-flex min-h-11 items-center rounded-control border px-3 no-underline ${v.number === d.version.number ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : "border-line bg-white"}`}
                >
                  {t("grading.versionN", { n: v.number })} · {formatDateTime(v.submitted_at, tz, locale)}
                </Link>
              ))}
              {d.submission.versions.length >= 2 ? (
                <Link
                  to={`/pelatihan/${d.module.id}/tugas/${d.assignment.id}/bandingkan?kiriman=${d.submission.id}&dari=${d.submission.versions[1].number}&ke=${d.submission.versions[0].number}`}
                  className="inline-flex min-h-11 items-center rounded-control border border-brand-600 bg-white px-3 font-semibold"
                >
                  {t("review.result.compareForGrading")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
        <section aria-labelledby="grade-title" className="min-w-0">
          <h2 id="grade-title" className="mb-3 text-xl font-bold">{t("grading.rubric")}</h2>
          {d.last ? <LastGrade /> : null}
          {d.criteria.length === 0 ? (
            <Notice tone="warning">
              {t("grading.noRubric")}{" "}
              <Link to={`/pelatihan/${d.module.id}/tugas/${d.assignment.id}/ubah#rubrik`}>{t("assignment.nav.edit")}</Link>
            </Notice>
          ) : (
            <GradeForm />
          )}
        </section>
      </div>
    </div>
  );
}

function LastGrade() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const g = d.last!;
  const params = { grader: g.graderName ?? "—", date: formatDateTime(g.createdAt, tz, locale), n: g.versionNumber ?? "—", score: g.score === null ? "—" : formatNumber(g.score, locale, 2) };
  return (
    <details className="mb-4 rounded-card border border-line bg-white p-3">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold">
        {t("grading.previous")}: {g.decision === "graded" ? t("grading.prevGraded", params) : t("grading.prevReturned", params)}
      </summary>
      {g.feedback ? <p className="my-2 whitespace-pre-line rounded-control bg-surface p-3">{g.feedback}</p> : null}
      <RubricTable criteria={d.criteria} selected={g.levels} comments={g.comments} />
    </details>
  );
}

function GradeForm() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `grade-${d.submission.id}`,
    lastResult,
    defaultValue: {
      level: Object.fromEntries(Object.entries(d.last?.levels ?? {}).map(([k, v]) => [k, String(v)])),
      comment: d.last?.comments ?? {},
      feedback: "",
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: gradeSchema }),
  });
  // What the form starts with: what was posted (after an error) or the latest grade.
  const initial = (form.initialValue ?? {}) as { level?: Record<string, string>; comment?: Record<string, string> };
  const [levels, setLevels] = useState<Record<string, number>>(() =>
    Object.fromEntries(Object.entries(initial.level ?? {}).filter(([, v]) => /^[1-4]$/.test(String(v))).map(([k, v]) => [k, Number(v)])),
  );
  const known = Object.fromEntries(Object.entries(levels).filter(([id]) => d.criteria.some((c) => c.id === id)));
  const score = weightedScore(d.criteria, known);
  const submitting = navigation.state === "submitting";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      {!d.assignment.locked ? <Notice tone="neutral">{t("grading.lockNote")}</Notice> : null}
      <ol className="space-y-4">
        {d.criteria.map((c, i) => (
          <li key={c.id} className="rounded-card border border-line bg-white p-3 sm:p-4">
            <fieldset className="min-w-0">
              <legend className="mb-2 font-semibold">
                {i + 1}. {t("grading.levelLegend", { title: c.title, weight: c.weight })}
              </legend>
              <LevelChoices criterionId={c.id} descriptors={c.levels} checked={initial.level?.[c.id]} onPick={(level) => setLevels((prev) => ({ ...prev, [c.id]: level }))} />
              <label htmlFor={`comment-${c.id}`} className="mb-1 mt-3 block text-sm font-semibold">
                {t("grading.comment")} <span className="font-normal text-muted">({t("form.optional")})</span>
              </label>
              <textarea
                id={`comment-${c.id}`}
                name={`comment.${c.id}`}
                rows={2}
                defaultValue={initial.comment?.[c.id] ?? ""}
                className="block w-full rounded-control border border-line bg-white px-3 py-2 text-base"
              />
            </fieldset>
          </li>
        ))}
      </ol>
      <TextareaField label={t("grading.feedback")} field={fields.feedback} hint={t("grading.feedbackHint")} textareaProps={{ rows: 5 }} />
      <p className="font-semibold" aria-live="polite" data-testid="score-preview">
        {t("grading.scorePreview", { score: formatNumber(score, locale, 2) })}
      </p>
      {/* "Simpan nilai" first in the markup, so Enter saves the grade rather than returning the work. */}
      <div className="flex flex-col gap-2 sm:flex-row-reverse sm:justify-start">
        <Button type="submit" name="decision" value="graded" disabled={submitting}>{t("grading.save")}</Button>
        <Button type="submit" name="decision" value="returned" variant="secondary" disabled={submitting}>{t("grading.return")}</Button>
      </div>
    </Form>
  );
}
