// The fasilitator's peer-review page of an assignment: the settings (saving them allocates the
// reviews), the pairs that broke the other-agency rule, the "who owes what" board per agency and per
// person (50 per page), the backstop queue, adding/removing a reviewer by hand, and overriding a
// final grade with a reason. Every form is a plain POST distinguished by `_action`.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { CheckboxField, Field, FormErrors, SelectField, TextareaField } from "~/components/form";
import { AssignmentTabs } from "~/components/training/assessment-nav";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, Notice, PageHeader } from "~/components/ui/card";
import { Pagination } from "~/components/ui/pagination";
import { formatDate, formatNumber, formatTimeForViewer } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { ASSIGNMENT_ZONES } from "~/lib/assignment";
import { addReviewerSchema, ANONYMITY, OPENS, overrideSchema, peerSettingsSchema, reviewsDueInstant } from "~/lib/peer-settings";
import { utcToZoned } from "~/lib/zoned-time";
import { addReviewerByHand, defaultSettings, getAdminSettings, listViolations, peerBoard, removeReviewer, savePeerSettings } from "~/models/peer-admin.server";
import { overrideFinalGrade } from "~/models/peer-grade.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Silang baca — Sinergi" }];

async function load(request: Request, params: { moduleId?: string; assignmentId?: string }) {
  const user = await requireUser(request);
  const { assignment: a, ...m } = await requireModuleAssignment(user, params.moduleId, params.assignmentId, "module.manage");
  return { user, m, a };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { m, a } = await load(request, params);
  const stored = await getAdminSettings(db, a.id);
  const s = stored ?? defaultSettings(a.late_until);
  const page = Math.max(1, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1);
  const [board, violations] = stored?.enabled
    ? await Promise.all([peerBoard(db, a, s, { page }), listViolations(db, a.id)])
    : [null, []];
  const due = utcToZoned(s.reviewsDueAt, a.time_zone);
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title, timeZone: a.time_zone, dueAt: a.due_at },
    settings: s,
    configured: !!stored,
    defaults: {
      enabled: s.enabled ? "on" : "", perSubmission: String(s.perSubmission), otherAgencyOnly: s.otherAgencyOnly ? "on" : "", anonymity: s.anonymity,
      opens: s.opens, mustSubmitFirst: s.mustSubmitFirst ? "on" : "", selfAssessment: s.selfAssessment ? "on" : "", calibration: s.calibration ? "on" : "",
      facilitatorWeight: String(s.facilitatorWeight), peerWeight: String(s.peerWeight), leaseHours: String(s.leaseHours),
      timeZone: a.time_zone, reviewsDueDate: due.date, reviewsDueTime: due.time, backstopHours: String(s.backstopHours),
    },
    board,
    violations,
  };
}

type Which = "settings" | "add" | "override";
const reply = (form: Which, result: SubmissionResult<string[]>) => data({ form, result }, { status: 400 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, m, a } = await load(request, params);
  const formData = await request.formData();
  const actor = { id: user.id, ip: context.ip ?? null };
  const back = `/pelatihan/${m.module.id}/tugas/${a.id}/silang-baca`;
  const intent = formData.get("_action");
  if (intent === "remove") {
    const ok = await removeReviewer(db, actor, a.id, String(formData.get("reviewId") ?? ""));
    if (!ok) return redirectWithFlash(back, { tone: "danger", key: "review.admin.flash.removeGone" });
    return redirectWithFlash(back, { tone: "success", key: "review.admin.flash.removed" });
  }
  if (intent === "add") {
    const submission = parseWithZod(formData, { schema: addReviewerSchema });
    if (submission.status !== "success") return reply("add", submission.reply());
    const r = await addReviewerByHand(db, actor, a, submission.value.submissionId, submission.value.reviewerEmail);
    if (!r.ok) return reply("add", submission.reply({ fieldErrors: { [r.field]: [r.error] } }));
    return redirectWithFlash(back, { tone: "success", key: "review.admin.flash.added" });
  }
  if (intent === "override") {
    const submission = parseWithZod(formData, { schema: overrideSchema });
    if (submission.status !== "success") return reply("override", submission.reply());
    const v = submission.value;
    const sub = await db.selectFrom("submission").select("id").where("id", "=", v.submissionId).where("assignment_id", "=", a.id).executeTakeFirst();
    if (!sub) return reply("override", submission.reply({ fieldErrors: { submissionId: ["review.admin.add.unknownSubmission"] } }));
    const r = await overrideFinalGrade(db, user, sub.id, v.score ?? null, v.reason);
    if (!r.ok) return reply("override", submission.reply({ formErrors: [r.error] }));
    return redirectWithFlash(back, { tone: "success", key: v.score == null ? "review.admin.flash.overrideCleared" : "review.admin.flash.overridden" });
  }
  const submission = parseWithZod(formData, { schema: peerSettingsSchema });
  if (submission.status !== "success") return reply("settings", submission.reply());
  const v = submission.value;
  const reviewsDueAt = reviewsDueInstant(v);
  if (!reviewsDueAt) return reply("settings", submission.reply({ fieldErrors: { reviewsDueDate: ["assignment.dateInvalid"] } }));
  if (v.enabled && v.opens === "due" && reviewsDueAt.getTime() <= Date.parse(a.due_at)) {
    return reply("settings", submission.reply({ fieldErrors: { reviewsDueDate: ["review.admin.error.deadlineBeforeDue"] } }));
  }
  const { timeZone: _tz, reviewsDueDate: _d, reviewsDueTime: _t, ...rest } = v;
  const out = await savePeerSettings(db, actor, a.id, { ...rest, reviewsDueAt: reviewsDueAt.toISOString() });
  if (!out.allocation) return redirectWithFlash(back, { tone: "success", key: v.enabled ? "review.admin.flash.saved" : "review.admin.flash.off" });
  const al = out.allocation;
  return redirectWithFlash(back, {
    tone: al.violations.length ? "brand" : "success",
    key: !al.open ? "review.admin.flash.savedNotOpen" : al.violations.length ? "review.admin.flash.allocatedViolations" : "review.admin.flash.allocated",
    params: { added: al.added, violations: al.violations.length, short: al.short },
  });
}

const useFormResult = (which: Which) => {
  const d = useActionData<typeof action>();
  return d && d.form === which ? d.result : undefined;
};

export default function PeerAdmin() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.module.id}`} className="no-underline hover:underline">{d.module.title}</Link>}
        title={<span className="block text-balance">{d.assignment.title}</span>}
      />
      <AssignmentTabs moduleId={d.module.id} assignmentId={d.assignment.id} />
      <h2 className="mb-1 text-xl font-bold">{t("review.admin.title")}</h2>
      <p className="mb-4 max-w-prose text-muted">{t("review.admin.description")}</p>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card aria-labelledby="peer-settings" className="order-2 xl:order-1">
          <h3 id="peer-settings" className="mb-3 text-lg font-bold">{t("review.admin.settings")}</h3>
          <SettingsForm />
        </Card>
        {/* The board first on a phone: the settings are set once, the board is read every day. */}
        <div className="order-1 min-w-0 xl:order-2">
          {d.board ? <BoardSection /> : <EmptyState>{d.configured ? t("review.admin.board.off") : t("review.admin.board.notSet")}</EmptyState>}
        </div>
      </div>
    </div>
  );
}

function SettingsForm() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "peer-settings-form",
    lastResult: useFormResult("settings"),
    defaultValue: d.defaults,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: peerSettingsSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="_action" value="settings" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <CheckboxField label={t("review.admin.field.enabled")} field={fields.enabled} hint={t("review.admin.field.enabledHint")} />
      <Field label={t("review.admin.field.perSubmission")} field={fields.perSubmission} type="number" inputProps={{ min: 1, max: 5, inputMode: "numeric" }} />
      <CheckboxField label={t("review.admin.field.otherAgencyOnly")} field={fields.otherAgencyOnly} hint={t("review.admin.field.otherAgencyOnlyHint")} />
      <SelectField label={t("review.admin.field.anonymity")} field={fields.anonymity} options={ANONYMITY.map((v) => ({ value: v, label: t(`review.admin.anonymity.${v}`) }))} />
      <SelectField label={t("review.admin.field.opens")} field={fields.opens} options={OPENS.map((v) => ({ value: v, label: t(`review.admin.opens.${v}`) }))} />
      <CheckboxField label={t("review.admin.field.mustSubmitFirst")} field={fields.mustSubmitFirst} />
      <CheckboxField label={t("review.admin.field.selfAssessment")} field={fields.selfAssessment} />
      <CheckboxField label={t("review.admin.field.calibration")} field={fields.calibration} hint={t("review.admin.field.calibrationHint")} />
      {d.settings.calibration ? (
        <p className="mb-4"><Link to="kalibrasi">{t("review.admin.calibrationLink")}</Link></p>
      ) : null}
      <fieldset className="mb-2 min-w-0">
        <legend className="mb-1 font-semibold">{t("review.admin.field.weights")}</legend>
        <p className="mb-2 text-sm text-muted">{t("review.admin.field.weightsHint")}</p>
        <div className="grid grid-cols-2 gap-x-3">
          <Field label={<span className="text-sm font-normal text-muted">{t("review.admin.field.facilitatorWeight")}</span>} field={fields.facilitatorWeight} type="number" inputProps={{ min: 0, max: 100, inputMode: "numeric" }} />
          <Field label={<span className="text-sm font-normal text-muted">{t("review.admin.field.peerWeight")}</span>} field={fields.peerWeight} type="number" inputProps={{ min: 0, max: 100, inputMode: "numeric" }} />
        </div>
      </fieldset>
      <Field label={t("review.admin.field.leaseHours")} field={fields.leaseHours} type="number" hint={t("review.admin.field.leaseHoursHint")} inputProps={{ min: 1, max: 336, inputMode: "numeric" }} />
      <fieldset className="mb-2 min-w-0">
        <legend className="mb-1 font-semibold">{t("review.admin.field.reviewsDue")}</legend>
        <SelectField label={<span className="text-sm font-normal text-muted">{t("assignment.field.timeZone")}</span>} field={fields.timeZone} options={ASSIGNMENT_ZONES.map((z) => ({ value: z, label: t(`tz.${z}`) }))} />
        <div className="grid grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-x-3">
          <Field label={<span className="text-sm font-normal text-muted">{t("assignment.field.date")}</span>} field={fields.reviewsDueDate} type="date" />
          <Field label={<span className="text-sm font-normal text-muted">{t("assignment.field.time")}</span>} field={fields.reviewsDueTime} type="time" />
        </div>
      </fieldset>
      <Field label={t("review.admin.field.backstopHours")} field={fields.backstopHours} type="number" hint={t("review.admin.field.backstopHoursHint")} inputProps={{ min: 0, max: 336, inputMode: "numeric" }} />
      <Button className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>{t("review.admin.save")}</Button>
    </Form>
  );
}

const BLOCK_TONE = { notSubmitted: "neutral", calibration: "warning", notOpen: "neutral", owesReviews: "warning", waitingReviews: "brand" } as const;

function BoardSection() {
  const d = useLoaderData<typeof loader>();
  const b = d.board!;
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const when = (iso: string) => `${formatDate(iso, d.assignment.timeZone, locale)} ${formatTimeForViewer(iso, d.assignment.timeZone, tz, locale)}`;
  const groups = new Map<string, typeof b.persons>();
  for (const p of b.persons) groups.set(p.agencyId ?? "", [...(groups.get(p.agencyId ?? "") ?? []), p]);
  const pct = (n: number | null) => (n == null ? "—" : formatNumber(n, locale));
  return (
    <section aria-labelledby="peer-board">
      <h3 id="peer-board" className="mb-1 text-lg font-bold">{t("review.admin.board.title")}</h3>
      <p className="mb-3 text-sm text-muted">
        {b.open ? t("review.admin.board.open", { deadline: when(d.settings.reviewsDueAt) }) : t("review.admin.board.notOpen", { due: when(d.assignment.dueAt) })}
      </p>

      {d.violations.length > 0 ? (
        <Notice tone="warning">
          <p className="font-semibold">{t("review.admin.violations.title", { count: d.violations.length })}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {d.violations.map((v) => <li key={v.id}>{t("review.admin.violations.pair", { reviewer: v.reviewer, author: v.author, agency: v.agency ?? "—" })}</li>)}
          </ul>
        </Notice>
      ) : null}

      {b.backstop.length > 0 ? (
        <Notice tone="danger" role="status">
          <p className="font-semibold">{t("review.admin.backstop.title", { count: b.backstop.length })}</p>
          <p className="text-sm">{t("review.admin.backstop.hint")}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {b.backstop.map((x) => <li key={x.submissionId}>{t("review.admin.backstop.item", { author: x.author, agency: x.agency ?? "—", missing: x.missing })}</li>)}
          </ul>
        </Notice>
      ) : null}

      <div className="space-y-3">
        {[...groups].map(([agencyId, people]) => {
          const tot = b.agencies.find((x) => (x.agencyId ?? "") === agencyId);
          return (
            <details key={agencyId || "none"} open className="rounded-card border border-line bg-white">
              <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
                <span className="font-semibold">{people[0].agency ?? t("review.admin.board.noAgency")}</span>
                {tot ? (
                  <span className="text-sm text-muted">
                    {t("review.admin.board.agencyTotals", { people: tot.people, submitted: tot.submitted, done: tot.done, owed: tot.owed })}
                  </span>
                ) : null}
              </summary>
              <ul className="divide-y divide-line border-t border-line">
                {people.map((p) => (
                  <li key={p.userId} className="px-4 py-3">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <span className="font-semibold">{p.name}</span>
                      {p.submitted ? <Badge tone="success">{t("review.admin.board.submitted")}</Badge> : p.blocked.includes("notSubmitted") ? null : <Badge>{t("review.admin.board.notSubmittedBadge")}</Badge>}
                    </div>
                    <dl className="mt-1 grid grid-cols-2 gap-x-4 text-sm sm:grid-cols-5">
                      <div><dt className="text-muted">{t("review.admin.board.owed")}</dt><dd>{formatNumber(p.owed, locale)}</dd></div>
                      <div><dt className="text-muted">{t("review.admin.board.done")}</dt><dd>{formatNumber(p.done, locale)}</dd></div>
                      <div><dt className="text-muted">{t("review.admin.board.received")}</dt><dd>{p.submitted ? t("review.admin.board.receivedOf", { n: p.received, of: d.settings.perSubmission }) : "—"}</dd></div>
                      <div><dt className="text-muted">{t("review.admin.board.reviewerGrade")}</dt><dd>{pct(p.reviewerGrade)}</dd></div>
                      <div><dt className="text-muted">{t("review.admin.board.final")}</dt><dd>{pct(p.finalScore)}{p.overridden ? <span className="block text-muted">{t("review.admin.board.overridden")}</span> : null}</dd></div>
                    </dl>
                    {p.blocked.length > 0 ? (
                      <p className="mt-2 flex flex-wrap gap-1 text-sm">
                        <span className="sr-only">{t("review.admin.board.blocked")}</span>
                        {p.blocked.map((x) => <Badge key={x} tone={BLOCK_TONE[x]}>{t(`review.admin.blocked.${x}`)}</Badge>)}
                      </p>
                    ) : null}
                    {p.flagged.length > 0 ? (
                      <ul className="mt-2 text-sm">
                        {p.flagged.map((f) => (
                          <li key={f.id}>
                            <Badge tone="danger">{f.flags.map((x) => t(`review.admin.flag.${x === "generic" ? "generic" : "disagrees"}`)).join(", ")}</Badge>{" "}
                            <Link to={`/silang-baca/${f.id}`}>{t("review.admin.board.openReview")}</Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {p.submissionId ? (
                      <details className="mt-2">
                        <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold text-brand-700">
                          {t("review.admin.board.manage")}
                        </summary>
                        {p.reviews.length === 0 ? <p className="text-sm text-muted">{t("review.admin.board.noReviewers")}</p> : (
                          <ul className="mb-2 space-y-1 text-sm">
                            {p.reviews.map((r) => (
                              <li key={r.id} className="flex flex-wrap items-center gap-2">
                                <span>{r.reviewer}</span>
                                <Badge tone={r.status === "submitted" ? "success" : "neutral"}>{t(`review.admin.status.${r.status === "submitted" ? "submitted" : r.status === "started" ? "started" : "assigned"}`)}</Badge>
                                {r.sameAgency ? <Badge tone="warning">{t("review.admin.board.sameAgency")}</Badge> : null}
                                {r.flags.length ? <Badge tone="danger">{r.flags.map((x) => t(`review.admin.flag.${x === "generic" ? "generic" : "disagrees"}`)).join(", ")}</Badge> : null}
                                {r.status !== "submitted" ? (
                                  <Form method="post" className="inline">
                                    <input type="hidden" name="_action" value="remove" />
                                    <input type="hidden" name="reviewId" value={r.id} />
                                    <Button variant="ghost" className="text-danger-700" disabled={busy} aria-label={t("review.admin.remove.label", { reviewer: r.reviewer, author: p.name })}>
                                      {t("review.admin.remove")}
                                    </Button>
                                  </Form>
                                ) : null}
                              </li>
                            ))}
                          </ul>
                        )}
                        <AddReviewerForm submissionId={p.submissionId} author={p.name} />
                        <OverrideForm submissionId={p.submissionId} author={p.name} />
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            </details>
          );
        })}
      </div>
      <Pagination page={b.page} pages={b.pages} total={b.total} />
    </section>
  );
}

function AddReviewerForm({ submissionId, author }: { submissionId: string; author: string }) {
  const t = useT();
  const result = useFormResult("add");
  const mine = result?.initialValue?.submissionId === submissionId;
  const [form, fields] = useForm({
    id: `add-${submissionId}`,
    lastResult: mine ? result : undefined,
    defaultValue: { submissionId, reviewerEmail: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addReviewerSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mb-3 rounded-control border border-line p-3" aria-label={t("review.admin.add.formLabel", { author })}>
      <input type="hidden" name="_action" value="add" />
      <input type="hidden" name="submissionId" value={submissionId} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label={t("review.admin.add.email")} field={fields.reviewerEmail} type="email" hint={t("review.admin.add.hint")} />
      <Button variant="secondary">{t("review.admin.add.submit")}</Button>
    </Form>
  );
}

function OverrideForm({ submissionId, author }: { submissionId: string; author: string }) {
  const t = useT();
  const result = useFormResult("override");
  const mine = result?.initialValue?.submissionId === submissionId;
  const [form, fields] = useForm({
    id: `override-${submissionId}`,
    lastResult: mine ? result : undefined,
    defaultValue: { submissionId, score: "", reason: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: overrideSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="rounded-control border border-line p-3" aria-label={t("review.admin.override.formLabel", { author })}>
      <input type="hidden" name="_action" value="override" />
      <input type="hidden" name="submissionId" value={submissionId} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label={t("review.admin.override.score")} field={fields.score} type="number" optional hint={t("review.admin.override.scoreHint")} inputProps={{ min: 0, max: 100, step: "0.1", inputMode: "decimal" }} />
      <TextareaField label={t("review.admin.override.reason")} field={fields.reason} textareaProps={{ rows: 2 }} />
      <Button variant="secondary">{t("review.admin.override.submit")}</Button>
    </Form>
  );
}


