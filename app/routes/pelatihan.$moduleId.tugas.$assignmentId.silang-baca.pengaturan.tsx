// Peer-review settings of an assignment (set once, so off the daily board): reviews per piece, other
// agencies only, anonymity, when reviewing opens, submit first, self-assessment, calibration, the
// 60/40 weights, the lease and the deadlines. Saving allocates what is missing and goes back to the
// board with how many reviews were given; bad input comes back here with the typed values kept.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { requireModuleAssignment } from "~/.server/training-access.server";
import { CheckboxField, Field, FormErrors, SelectField } from "~/components/form";
import { AssignmentTabs } from "~/components/training/assessment-nav";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { ASSIGNMENT_ZONES } from "~/lib/assignment";
import { ANONYMITY, OPENS, peerSettingsSchema, reviewsDueInstant } from "~/lib/peer-settings";
import { utcToZoned } from "~/lib/zoned-time";
import { defaultSettings, getAdminSettings, savePeerSettings } from "~/models/peer-admin.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Pengaturan silang baca — Sinergi" }];

async function load(request: Request, params: { moduleId?: string; assignmentId?: string }) {
  const user = await requireUser(request);
  const { assignment: a, ...m } = await requireModuleAssignment(user, params.moduleId, params.assignmentId, "module.manage");
  return { user, m, a };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { m, a } = await load(request, params);
  const s = (await getAdminSettings(db, a.id)) ?? defaultSettings(a.late_until);
  const due = utcToZoned(s.reviewsDueAt, a.time_zone);
  return {
    module: { id: m.module.id, title: m.module.title },
    assignment: { id: a.id, title: a.title },
    calibration: s.calibration,
    defaults: {
      enabled: s.enabled ? "on" : "", perSubmission: String(s.perSubmission), otherAgencyOnly: s.otherAgencyOnly ? "on" : "", anonymity: s.anonymity,
      opens: s.opens, mustSubmitFirst: s.mustSubmitFirst ? "on" : "", selfAssessment: s.selfAssessment ? "on" : "", calibration: s.calibration ? "on" : "",
      facilitatorWeight: String(s.facilitatorWeight), peerWeight: String(s.peerWeight), leaseHours: String(s.leaseHours),
      timeZone: a.time_zone, reviewsDueDate: due.date, reviewsDueTime: due.time, backstopHours: String(s.backstopHours),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, m, a } = await load(request, params);
  const submission = parseWithZod(await request.formData(), { schema: peerSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const reviewsDueAt = reviewsDueInstant(v);
  if (!reviewsDueAt) return data(submission.reply({ fieldErrors: { reviewsDueDate: ["assignment.dateInvalid"] } }), { status: 400 });
  if (v.enabled && v.opens === "due" && reviewsDueAt.getTime() <= Date.parse(a.due_at)) {
    return data(submission.reply({ fieldErrors: { reviewsDueDate: ["review.admin.error.deadlineBeforeDue"] } }), { status: 400 });
  }
  const { timeZone: _tz, reviewsDueDate: _d, reviewsDueTime: _t, ...rest } = v;
  const out = await savePeerSettings(db, { id: user.id, ip: context.ip ?? null }, a.id, { ...rest, reviewsDueAt: reviewsDueAt.toISOString() });
  const board = `/pelatihan/${m.module.id}/tugas/${a.id}/silang-baca`;
  if (!out.allocation) return redirectWithFlash(board, { tone: "success", key: v.enabled ? "review.admin.flash.saved" : "review.admin.flash.off" });
  const al = out.allocation;
  return redirectWithFlash(board, {
    tone: al.violations.length ? "brand" : "success",
    key: !al.open ? "review.admin.flash.savedNotOpen" : al.violations.length ? "review.admin.flash.allocatedViolations" : "review.admin.flash.allocated",
    params: { added: al.added, violations: al.violations.length, short: al.short },
  });
}

export default function PeerSettingsPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const board = `/pelatihan/${d.module.id}/tugas/${d.assignment.id}/silang-baca`;
  const [form, fields] = useForm({
    id: "peer-settings-form",
    lastResult: useActionData<typeof action>(),
    defaultValue: d.defaults,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: peerSettingsSchema }),
  });
  return (
    <div>
      <PageHeader
        eyebrow={<Link to={`/pelatihan/${d.module.id}`} className="no-underline hover:underline">{d.module.title}</Link>}
        title={<span className="block text-balance">{d.assignment.title}</span>}
      />
      <AssignmentTabs moduleId={d.module.id} assignmentId={d.assignment.id} />
      <p className="mb-2 text-sm"><Link to={board}>{t("review.admin.settings.back")}</Link></p>
      <h2 className="mb-1 text-xl font-bold">{t("review.admin.settings.title")}</h2>
      <p className="mb-4 max-w-prose text-muted">{t("review.admin.description")}</p>
      <Card className="max-w-2xl">
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <CheckboxField label={t("review.admin.field.enabled")} field={fields.enabled} hint={t("review.admin.field.enabledHint")} />
          <Field label={t("review.admin.field.perSubmission")} field={fields.perSubmission} type="number" inputProps={{ min: 1, max: 5, inputMode: "numeric" }} />
          <CheckboxField label={t("review.admin.field.otherAgencyOnly")} field={fields.otherAgencyOnly} hint={t("review.admin.field.otherAgencyOnlyHint")} />
          <SelectField label={t("review.admin.field.anonymity")} field={fields.anonymity} options={ANONYMITY.map((v) => ({ value: v, label: t(`review.admin.anonymity.${v}`) }))} />
          <SelectField label={t("review.admin.field.opens")} field={fields.opens} options={OPENS.map((v) => ({ value: v, label: t(`review.admin.opens.${v}`) }))} />
          <CheckboxField label={t("review.admin.field.mustSubmitFirst")} field={fields.mustSubmitFirst} />
          <CheckboxField label={t("review.admin.field.selfAssessment")} field={fields.selfAssessment} />
          <CheckboxField label={t("review.admin.field.calibration")} field={fields.calibration} hint={t("review.admin.field.calibrationHint")} />
          {d.calibration ? (
            <p className="mb-4"><Link to={`${board}/kalibrasi`}>{t("review.admin.calibrationLink")}</Link></p>
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
      </Card>
    </div>
  );
}
