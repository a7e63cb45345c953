// One person of the peer-review board, for the fasilitator: where they stand (handed in, reviews
// owed/done/received, blocked and why), who reviews their piece (remove one, add one by e-mail), the
// reviews they write (open a flagged one), and their final grade with its parts (override it with a
// written reason). Every form is a plain POST distinguished by `_action`; each comes back here.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { notFound } from "~/.server/permissions.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { Field, FormErrors, TextareaField } from "~/components/form";
import { AssignmentTabs } from "~/components/training/assessment-nav";
import { PeerPersonFigures, BLOCK_TONE, flagText } from "~/components/training/peer-board";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/card";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { addReviewerSchema, overrideSchema } from "~/lib/peer-settings";
import { addReviewerByHand, defaultSettings, getAdminSettings, peerPerson, removeReviewer } from "~/models/peer-admin.server";
import { overrideFinalGrade } from "~/models/peer-grade.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Silang baca — Sinergi" }];

async function load(request: Request, params: { moduleId?: string; assignmentId?: string; userId?: string }) {
  const user = await requireUser(request);
  const { assignment: a, ...m } = await requireModuleAssignment(user, params.moduleId, params.assignmentId, "module.manage");
  const s = (await getAdminSettings(db, a.id)) ?? defaultSettings(a.late_until);
  const p = await peerPerson(db, a, s, params.userId ?? "");
  if (!p) notFound();
  return { user, m, a, s, p };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { m, a, s, p } = await load(request, params);
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title },
    perSubmission: s.perSubmission,
    person: p.person,
    email: p.email,
    final: p.final,
    written: p.written,
  };
}

type Which = "add" | "override";
const reply = (form: Which, result: SubmissionResult<string[]>) => data({ form, result }, { status: 400 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, m, a, p } = await load(request, params);
  const formData = await request.formData();
  const actor = { id: user.id, ip: context.ip ?? null };
  const self = `/pelatihan/${m.module.id}/tugas/${a.id}/silang-baca/${p.person.userId}`;
  const intent = formData.get("_action");
  if (intent === "remove") {
    const ok = await removeReviewer(db, actor, a.id, String(formData.get("reviewId") ?? ""));
    return redirectWithFlash(self, ok ? { tone: "success", key: "review.admin.flash.removed" } : { tone: "danger", key: "review.admin.flash.removeGone" });
  }
  const piece = p.person.submissionId;
  if (intent === "add") {
    const submission = parseWithZod(formData, { schema: addReviewerSchema });
    if (submission.status !== "success") return reply("add", submission.reply());
    if (!piece || submission.value.submissionId !== piece) return reply("add", submission.reply({ formErrors: ["review.admin.add.unknownSubmission"] }));
    const r = await addReviewerByHand(db, actor, a, piece, submission.value.reviewerEmail);
    if (!r.ok) return reply("add", submission.reply({ fieldErrors: { [r.field]: [r.error] } }));
    return redirectWithFlash(self, { tone: "success", key: "review.admin.flash.added" });
  }
  const submission = parseWithZod(formData, { schema: overrideSchema });
  if (submission.status !== "success") return reply("override", submission.reply());
  const v = submission.value;
  if (!piece || v.submissionId !== piece) return reply("override", submission.reply({ formErrors: ["review.admin.add.unknownSubmission"] }));
  const r = await overrideFinalGrade(db, user, piece, v.score ?? null, v.reason);
  if (!r.ok) return reply("override", submission.reply({ formErrors: [r.error] }));
  return redirectWithFlash(self, { tone: "success", key: v.score == null ? "review.admin.flash.overrideCleared" : "review.admin.flash.overridden" });
}

const useFormResult = (which: Which) => {
  const d = useActionData<typeof action>();
  return d && d.form === which ? d.result : undefined;
};

export default function PeerPersonPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = useViewerTimeZone();
  const navigation = useNavigation();
  const p = d.person;
  const board = `/pelatihan/${d.module.id}/tugas/${d.assignment.id}/silang-baca`;
  const pct = (n: number | null | undefined) => (n == null ? "—" : formatNumber(n, locale));
  return (
    <div>
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.module.id}`} className="no-underline hover:underline">{d.module.title}</Link>}
        title={<span className="block text-balance">{d.assignment.title}</span>}
      />
      <AssignmentTabs moduleId={d.module.id} assignmentId={d.assignment.id} />
      <p className="mb-2 text-sm"><Link to={board}>{t("review.admin.person.back")}</Link></p>
      <div className="mb-4">
        <h2 className="text-xl font-bold">{p.name}</h2>
        <p className="text-muted">{p.agency ?? t("review.admin.board.noAgency")} · {d.email}</p>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="person-status">
            <h3 id="person-status" className="mb-2 text-lg font-bold">{t("review.admin.person.status")}</h3>
            <p className="mb-2">
              {p.submitted ? <Badge tone="success">{t("review.admin.board.submitted")}</Badge> : <Badge>{t("review.admin.board.notSubmittedBadge")}</Badge>}
            </p>
            <PeerPersonFigures person={p} perSubmission={d.perSubmission} />
            {p.blocked.length > 0 ? (
              <p className="mt-3 flex flex-wrap gap-1 text-sm">
                <span className="sr-only">{t("review.admin.board.blocked")}</span>
                {p.blocked.map((x) => <Badge key={x} tone={BLOCK_TONE[x]}>{t(`review.admin.blocked.${x}`)}</Badge>)}
              </p>
            ) : null}
          </Card>

          <Card aria-labelledby="person-written">
            <h3 id="person-written" className="mb-2 text-lg font-bold">{t("review.admin.person.written")}</h3>
            {d.written.length === 0 ? <p className="text-muted">{t("review.admin.person.noWritten")}</p> : (
              <ul className="divide-y divide-line">
                {d.written.map((w, i) => (
                  <li key={w.id} className="flex flex-wrap items-center gap-2 py-2">
                    <Link to={`/silang-baca/${w.id}`} className="inline-flex min-h-11 items-center font-semibold">{t("review.admin.person.reviewN", { n: i + 1 })}</Link>
                    <Badge tone={w.status === "submitted" ? "success" : "neutral"}>{t(`review.admin.status.${w.status === "submitted" ? "submitted" : w.status === "started" ? "started" : "assigned"}`)}</Badge>
                    {w.submittedAt ? <span className="text-sm text-muted">{formatDateTime(w.submittedAt, tz, locale)} · {pct(w.score)}</span> : null}
                    {w.flags.length ? <Badge tone="danger">{flagText(t, w.flags)}</Badge> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          {p.submissionId ? (
            <>
              <Card aria-labelledby="person-reviewers">
                <h3 id="person-reviewers" className="mb-2 text-lg font-bold">{t("review.admin.person.reviewers")}</h3>
                {p.reviews.length === 0 ? <p className="mb-3 text-sm text-muted">{t("review.admin.board.noReviewers")}</p> : (
                  <ul className="mb-3 divide-y divide-line">
                    {p.reviews.map((r) => (
                      <li key={r.id} className="flex flex-wrap items-center gap-2 py-2">
                        <Link to={`/silang-baca/${r.id}`} className="font-semibold">{r.reviewer}</Link>
                        <Badge tone={r.status === "submitted" ? "success" : "neutral"}>{t(`review.admin.status.${r.status === "submitted" ? "submitted" : r.status === "started" ? "started" : "assigned"}`)}</Badge>
                        {r.sameAgency ? <Badge tone="warning">{t("review.admin.board.sameAgency")}</Badge> : null}
                        {r.flags.length ? <Badge tone="danger">{flagText(t, r.flags)}</Badge> : null}
                        {r.status !== "submitted" ? (
                          <Form method="post" className="ml-auto">
                            <input type="hidden" name="_action" value="remove" />
                            <input type="hidden" name="reviewId" value={r.id} />
                            <Button variant="ghost" className="text-danger-700" disabled={navigation.state === "submitting"} aria-label={t("review.admin.remove.label", { reviewer: r.reviewer, author: p.name })}>
                              {t("review.admin.remove")}
                            </Button>
                          </Form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
                {/* keyed by what a save changes, so the form starts empty again after one */}
                <AddReviewerForm key={p.reviews.map((r) => r.id).join()} submissionId={p.submissionId} author={p.name} />
              </Card>
              <Card aria-labelledby="person-final">
                <h3 id="person-final" className="mb-2 text-lg font-bold">{t("review.admin.board.final")}</h3>
                <p className="mb-1 text-2xl font-bold text-brand-800" data-testid="final-score">{pct(d.final?.overrideScore ?? d.final?.score)}</p>
                <p className="mb-3 text-sm text-muted">
                  {t("review.admin.person.finalParts", { facilitator: pct(d.final?.facilitatorScore), peers: pct(d.final?.peerMedian), score: pct(d.final?.score) })}
                  {d.final?.overrideScore != null ? <span className="block">{t("review.admin.person.overrideReason", { reason: d.final.overrideReason ?? "" })}</span> : null}
                </p>
                <p className="mb-3 text-sm"><Link to={`/pelatihan/${d.module.id}/tugas/${d.assignment.id}/penilaian/${p.submissionId}`}>{t("review.admin.person.gradeLink")}</Link></p>
                <OverrideForm key={`${d.final?.overrideScore ?? ""}|${d.final?.overrideReason ?? ""}`} submissionId={p.submissionId} author={p.name} />
              </Card>
            </>
          ) : (
            <EmptyState>{t("review.admin.person.notSubmitted")}</EmptyState>
          )}
        </div>
      </div>
    </div>
  );
}

function AddReviewerForm({ submissionId, author }: { submissionId: string; author: string }) {
  const t = useT();
  const [form, fields] = useForm({
    id: `add-${submissionId}`,
    lastResult: useFormResult("add"),
    defaultValue: { submissionId, reviewerEmail: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addReviewerSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="rounded-control border border-line p-3" aria-label={t("review.admin.add.formLabel", { author })}>
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
  const [form, fields] = useForm({
    id: `override-${submissionId}`,
    lastResult: useFormResult("override"),
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
