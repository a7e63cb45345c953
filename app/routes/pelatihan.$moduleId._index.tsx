// A module's page: summary, cover, JP, category, organiser, the viewer's cohort dates, lessons in
// order with done ticks, assignments with their due date in the viewer's zone and the viewer's
// submission state, a progress bar, and the certificate once complete. Managers reorder lessons
// here (Up/Down, no JavaScript needed) and find the links to edit, participants and grading; a
// person not enrolled gets "Daftar" when the module takes self-enrolment.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { can, requirePermission } from "~/.server/permissions.server";
import { requireModule } from "~/.server/training-access.server";
import { useClientNavigation } from "~/components/client-nav";
import { DoneTick, ModuleCover, ModuleStatusBadge, ProgressBar } from "~/components/training/module-bits";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { formatCalendarDate, formatDateTime } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { selfEnrol } from "~/models/enrolment.server";
import { moveLesson } from "~/models/lesson.server";
import { getModulePage } from "~/models/module.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.module.title ?? "Modul"} — Sinergi` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId);
  const page = await getModulePage(db, m.module.id, user.id, m.enrolment?.cohortId ?? null);
  const canSelfEnrol = !m.enrolment && !m.manage && can(user, "module.selfEnrol", m.scope);
  return {
    module: {
      id: m.module.id, title: m.module.title, summary: m.module.summary, jp: m.module.jp, category: m.module.output_category,
      status: m.module.status, organiser: m.module.organiser, hasCover: !!m.module.cover_path, passMark: m.module.pass_mark,
    },
    ...page,
    openCohort: canSelfEnrol ? page.openCohort : null,
    enrolled: !!m.enrolment,
    completed: !!m.enrolment?.completedAt,
    manage: m.manage,
    learn: m.learn,
    canSelfEnrol,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const m = await requireModule(user, params.moduleId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/pelatihan/${m.module.id}`;
  if (intent === "selfEnrol") {
    requirePermission(user, "module.selfEnrol", m.scope);
    if (m.enrolment) return redirect(back);
    const r = await selfEnrol(db, m.module.id, user, absoluteUrl(request, "/"));
    if (!r.ok) return data({ error: r.error }, { status: 400 });
    return redirectWithFlash(back, { tone: "success", key: "module.flash.selfEnrolled" });
  }
  if (intent === "move") {
    requirePermission(user, "module.manage", m.scope);
    const lessonId = String(formData.get("lessonId") ?? "");
    await moveLesson(db, m.module.id, lessonId, formData.get("direction") === "up" ? "up" : "down");
    return redirect(`${back}#lesson-${lessonId}`);
  }
  return data({ error: "error.400" }, { status: 400 });
}

export default function ModulePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const m = d.module;
  const base = `/pelatihan/${m.id}`;
  const done = d.lessons.filter((l) => l.done).length;
  const onNavigate = useClientNavigation();
  return (
    // Its links are plain anchors the router follows through this one handler (see client-nav.tsx).
    <div onClick={onNavigate}>
      <PageHeader
        eyebrow={<a href="/pelatihan" className="no-underline">{t("module.catalogue.title")}</a>}
        title={<span className="block text-balance">{m.title}</span>}
        actions={
          d.manage ? (
            <>
              <ButtonLink to={`${base}/ubah`}>{t("module.page.edit")}</ButtonLink>
              <ButtonLink to={`${base}/peserta`}>{t("module.page.participants")}</ButtonLink>
            </>
          ) : null
        }
      />
      {actionData && "error" in actionData ? <Notice tone="danger">{t(actionData.error)}</Notice> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-6">
          <Card className="overflow-hidden !p-0">
            <ModuleCover moduleId={m.id} version={m.hasCover ? d.coverVersion : null} title={m.title} />
            <div className="space-y-3 p-4 sm:p-6">
              <div className="flex flex-wrap gap-1.5">
                <Badge tone="brand">{t("module.jp", { jp: m.jp })}</Badge>
                <Badge>{t(`module.category.${m.category}`)}</Badge>
                {m.status !== "published" ? <ModuleStatusBadge status={m.status} /> : null}
              </div>
              {m.summary ? <p className="whitespace-pre-line">{m.summary}</p> : null}
              <dl className="grid gap-x-4 gap-y-1 text-[0.95rem] sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">{t("module.page.organiser")}</dt>
                <dd>{m.organiser}</dd>
                {d.facilitators.length ? (
                  <>
                    <dt className="font-semibold">{t("module.page.facilitators")}</dt>
                    <dd>{d.facilitators.join(", ")}</dd>
                  </>
                ) : null}
                {d.cohort ? (
                  <>
                    <dt className="font-semibold">{t("module.page.cohort")}</dt>
                    <dd>
                      {d.cohort.name} ·{" "}
                      {t("module.page.cohortDates", { start: formatCalendarDate(d.cohort.startsOn, locale), end: formatCalendarDate(d.cohort.endsOn, locale) })}
                    </dd>
                  </>
                ) : null}
              </dl>
            </div>
          </Card>

          <section aria-labelledby="lessons-title">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <h2 id="lessons-title" className="text-xl font-bold">{t("module.page.lessons")}</h2>
              {d.manage ? <ButtonLink to={`${base}/materi/baru`} variant="primary">{t("module.page.addLesson")}</ButtonLink> : null}
            </div>
            {d.lessons.length === 0 ? (
              <EmptyState>{t("module.page.noLessons")}</EmptyState>
            ) : (
              <ol className="divide-y divide-line rounded-card border border-line bg-white">
                {d.lessons.map((l, idx) => (
                  <li key={l.id} id={`lesson-${l.id}`} className="flex flex-wrap items-center gap-x-3 gap-y-2 p-4">
                    <span aria-hidden="true" className={`flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-bold ${l.done ? "bg-success-700 text-white" : "bg-surface text-muted ring-1 ring-line"}`}>
                      {l.done ? "✓" : idx + 1}
                    </span>
                    <div className="min-w-0 flex-1">
                      {d.learn ? (
                        <a href={`${base}/materi/${l.id}`} className="font-semibold">{l.title}</a>
                      ) : (
                        <span className="font-semibold">{l.title}</span>
                      )}
                      <div className="flex flex-wrap items-center gap-2">
                        {l.hasVideo ? <span className="text-sm text-muted">{t("module.lesson.hasVideo")}</span> : null}
                        {d.enrolled ? <DoneTick done={l.done} percent={l.percent} /> : null}
                      </div>
                    </div>
                    {d.manage ? (
                      <div className="flex flex-wrap gap-1.5">
                        <Form method="post" className="flex gap-1.5">
                          <input type="hidden" name="intent" value="move" />
                          <input type="hidden" name="lessonId" value={l.id} />
                          <Button name="direction" value="up" variant="secondary" className="!px-3" disabled={idx === 0 || busy} aria-label={t("module.lesson.moveUpLabel", { title: l.title })}>
                            ↑<span className="max-sm:sr-only"> {t("module.lesson.moveUp")}</span>
                          </Button>
                          <Button name="direction" value="down" variant="secondary" className="!px-3" disabled={idx === d.lessons.length - 1 || busy} aria-label={t("module.lesson.moveDownLabel", { title: l.title })}>
                            ↓<span className="max-sm:sr-only"> {t("module.lesson.moveDown")}</span>
                          </Button>
                        </Form>
                        <ButtonLink to={`${base}/materi/${l.id}/ubah`} variant="ghost" className="!px-3" aria-label={t("module.lesson.editLabel", { title: l.title })}>
                          {t("module.lesson.edit")}
                        </ButtonLink>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section aria-labelledby="assignments-title">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <h2 id="assignments-title" className="text-xl font-bold">{t("module.page.assignments")}</h2>
              {d.manage ? <ButtonLink to={`${base}/tugas/baru`} variant="primary">{t("module.page.addAssignment")}</ButtonLink> : null}
            </div>
            {d.assignments.length === 0 ? (
              <EmptyState>{t("module.page.noAssignments")}</EmptyState>
            ) : (
              <ul className="divide-y divide-line rounded-card border border-line bg-white">
                {d.assignments.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-start gap-3 p-4">
                    <div className="min-w-0 flex-1">
                      {d.learn ? <a href={`${base}/tugas/${a.id}`} className="font-semibold">{a.title}</a> : <span className="font-semibold">{a.title}</span>}
                      <p className="text-sm text-muted">
                        {t(`module.assignmentKind.${a.kind}`)} · {t("module.page.due", { date: formatDateTime(a.dueAt, viewerTz, locale) })}
                      </p>
                    </div>
                    {d.enrolled ? (
                      <div className="flex flex-wrap gap-1.5">
                        <Badge tone={a.state === "graded" ? "success" : a.state === "returned" ? "warning" : a.state === "submitted" ? "brand" : "neutral"}>
                          {t(`module.submission.${a.state}`)}
                        </Badge>
                        {a.late ? <Badge tone="warning">{t("module.submission.late")}</Badge> : null}
                      </div>
                    ) : null}
                    {d.manage ? (
                      <div className="flex w-full flex-wrap gap-1.5 sm:w-auto">
                        <ButtonLink to={`${base}/tugas/${a.id}/penilaian`} className="!px-3">{t("module.page.grading")}</ButtonLink>
                        <ButtonLink to={`${base}/tugas/${a.id}/ubah`} variant="ghost" className="!px-3">{t("action.edit")}</ButtonLink>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>

        <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          {d.enrolled ? (
            <Card>
              <ProgressBar done={done} total={d.lessons.length} />
              {d.completed ? (
                <div className="mt-4">
                  <p className="mb-2 font-semibold text-success-700">{t("module.page.completed")}</p>
                  <a href={`${base}/sertifikat`} className="inline-flex min-h-11 items-center justify-center gap-2 rounded-control bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
                    {t("module.page.certificate")}
                  </a>
                </div>
              ) : null}
            </Card>
          ) : d.manage ? (
            <Notice>{t("module.page.managerHint")}</Notice>
          ) : d.canSelfEnrol ? (
            <Card>
              {d.openCohort ? (
                <Form method="post">
                  <p className="mb-3 text-[0.95rem]">{t("module.page.selfEnrolHint", { cohort: d.openCohort.name })}</p>
                  <Button name="intent" value="selfEnrol" className="w-full" disabled={busy}>{t("module.page.selfEnrol")}</Button>
                </Form>
              ) : (
                <p>{t("module.page.noOpenCohort")}</p>
              )}
            </Card>
          ) : (
            <Notice tone="neutral">{t("module.page.notEnrolled")}</Notice>
          )}
        </aside>
      </div>
    </div>
  );
}
