import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { baseUrlOf, requireMeeting } from "~/.server/meeting-access.server";
import { checkIncoming, parseFormWithAttachments } from "~/.server/meeting-files.server";
import { notFound } from "~/.server/permissions.server";
import { parseRichText } from "~/.server/rich-text.server";
import { ErrorList } from "~/components/form";
import { MeetingForm } from "~/components/meeting/meeting-form";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { ATTACHMENT_ACCEPT_CLIENT, meetingInstants, meetingSchema, type MeetingKind } from "~/lib/meeting";
import { utcToZoned } from "~/lib/zoned-time";
import { addAttachments, listAttachments, removeAttachment, updateMeeting } from "~/models/meeting.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Ubah rapat — Sinergi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id, { manage: true });
  if (meeting.status !== "draft" && meeting.status !== "published") notFound();
  const start = utcToZoned(meeting.starts_at, meeting.time_zone);
  const end = utcToZoned(meeting.ends_at, meeting.time_zone);
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.starts_at,
    defaults: {
      title: meeting.title, kind: meeting.kind as MeetingKind, mode: meeting.mode, venue: meeting.venue ?? "", joinUrl: meeting.join_url ?? "",
      date: start.date, startTime: start.time, endTime: end.time, endDate: end.date !== start.date ? end.date : undefined,
      timeZone: meeting.time_zone, description: meeting.description_json ?? "", letterNumber: meeting.letter_number ?? "",
      reminderLeadMinutes: meeting.reminder_lead_minutes,
    },
    attachments: await listAttachments(db, meeting.id),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = await requireMeeting(user, params.id, { manage: true });
  const { formData, files } = await parseFormWithAttachments(request);
  const ctx = { actorId: user.id, baseUrl: baseUrlOf(request), ip: context.ip ?? null };
  const intent = formData.get("intent");
  if (intent === "upload") {
    const checked = await checkIncoming(files);
    if (checked.errors.length || checked.good.length === 0) {
      return data({ upload: checked.errors.length ? [...new Set(checked.errors.map((e) => e.error))] : ["attachment.noneChosen"] }, { status: 400 });
    }
    await addAttachments(db, meeting.id, checked.good, ctx);
    return redirectWithFlash(`/rapat/${meeting.id}/ubah`, { tone: "success", key: "attachment.flash.added", params: { count: checked.good.length } });
  }
  if (intent === "removeAttachment") {
    await removeAttachment(db, meeting.id, String(formData.get("attachmentId") ?? ""), ctx);
    return redirectWithFlash(`/rapat/${meeting.id}/ubah`, { tone: "success", key: "attachment.flash.removed" });
  }
  const submission = parseWithZod(formData, { schema: meetingSchema({ keepStart: meeting.starts_at }) });
  const description = submission.status === "success" ? parseRichText(submission.value.description) : null;
  if (submission.status !== "success" || (description && !description.ok)) {
    return data(submission.reply({ fieldErrors: description && !description.ok ? { description: [description.error] } : {} }), { status: 400 });
  }
  const v = submission.value;
  const r = await updateMeeting(db, meeting.id, { ...v, ...meetingInstants(v), descriptionJson: description?.ok && !description.empty ? description.json : null }, ctx);
  if (!r.ok) return data(submission.reply({ formErrors: [r.error] }), { status: 400 });
  return redirectWithFlash(`/rapat/${meeting.id}`, { tone: "success", key: r.rescheduled ? "meeting.flash.rescheduled" : "meeting.flash.updated" });
}

export default function EditMeeting() {
  const { id, title, startsAt, defaults, attachments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const formResult = actionData && "status" in actionData ? actionData : undefined;
  const uploadErrors = actionData && "upload" in actionData ? actionData.upload : null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader eyebrow={title} title={t("meeting.edit.title")} />
      <Card>
        <MeetingForm lastResult={formResult} defaultValue={defaults} keepStart={startsAt} cancelTo={`/rapat/${id}`} submitLabel={t("action.save")} />
      </Card>
      <Card aria-labelledby="att-title">
        <h2 id="att-title" className="mb-3 text-xl font-bold">{t("meeting.field.attachments")}</h2>
        {attachments.length ? (
          <ul className="mb-4 divide-y divide-line">
            {attachments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 break-all">
                  <a href={`/rapat/${id}/lampiran/${a.id}`} className="font-semibold">{a.original_name}</a>
                  <span className="ml-2 text-sm text-muted">{t("attachment.size", { size: formatNumber(a.size_bytes / 1024 / 1024, locale, 1) })}</span>
                </span>
                <Form method="post">
                  <input type="hidden" name="attachmentId" value={a.id} />
                  <Button name="intent" value="removeAttachment" variant="ghost" className="text-danger-700">{t("attachment.remove")}</Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-muted">{t("attachment.none")}</p>
        )}
        <Form method="post" encType="multipart/form-data">
          <label htmlFor="attachments" className="mb-1 block font-semibold">{t("attachment.add")}</label>
          <p id="att-hint" className="mb-1 text-sm text-muted">{t("attachment.hint")}</p>
          <input
            id="attachments" name="attachments" type="file" multiple accept={ATTACHMENT_ACCEPT_CLIENT} aria-describedby="att-hint att-error"
            aria-invalid={uploadErrors?.length ? true : undefined}
            className="block w-full min-h-11 rounded-control border border-line bg-white px-3 py-2 file:mr-3 file:rounded-control file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:font-semibold file:text-brand-800"
          />
          <ErrorList id="att-error" errors={uploadErrors} />
          <Button name="intent" value="upload" variant="secondary" className="mt-3" disabled={navigation.state === "submitting"}>{t("attachment.upload")}</Button>
        </Form>
      </Card>
    </div>
  );
}
