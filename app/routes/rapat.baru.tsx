import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { checkIncoming, parseFormWithAttachments } from "~/.server/meeting-files.server";
import { requirePermission } from "~/.server/permissions.server";
import { parseRichText } from "~/.server/rich-text.server";
import { MeetingForm } from "~/components/meeting/meeting-form";
import { Card, PageHeader } from "~/components/ui/card";
import { useT } from "~/i18n/react";
import { DEFAULT_REMINDER_LEAD, MEETING_ZONES, meetingInstants, meetingSchema } from "~/lib/meeting";
import { createMeeting } from "~/models/meeting.server";
import { getNetwork } from "~/models/network.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction = () => [{ title: "Rapat baru — Sinergi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "meeting.manage");
  const network = await getNetwork(db);
  const zone = (MEETING_ZONES as readonly string[]).includes(network?.time_zone ?? "") ? network!.time_zone : "Asia/Jakarta";
  return { zone };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "meeting.manage");
  const { formData, files } = await parseFormWithAttachments(request);
  const submission = parseWithZod(formData, { schema: meetingSchema() });
  const checked = await checkIncoming(files);
  const description = submission.status === "success" ? parseRichText(submission.value.description) : null;
  if (submission.status !== "success" || checked.errors.length || (description && !description.ok)) {
    const fieldErrors: Record<string, string[]> = {};
    if (checked.errors.length) fieldErrors.attachments = [...new Set(checked.errors.map((e) => e.error))];
    if (description && !description.ok) fieldErrors.description = [description.error];
    return data(submission.reply({ fieldErrors }), { status: 400 });
  }
  const v = submission.value;
  const id = await createMeeting(
    db,
    {
      ...v,
      ...meetingInstants(v),
      descriptionJson: description?.ok && !description.empty ? description.json : null,
      inviteAll: v.inviteAll ?? false,
    },
    checked.good,
    { actorId: user.id, ip: context.ip ?? null },
  );
  return redirectWithFlash(`/rapat/${id}`, { tone: "success", key: "meeting.flash.created" });
}

export default function NewMeeting() {
  const { zone } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader eyebrow={t("nav.meetings")} title={t("meeting.new.title")} description={t("meeting.new.description")} />
      <Card>
        <MeetingForm
          lastResult={lastResult}
          defaultValue={{ timeZone: zone, reminderLeadMinutes: DEFAULT_REMINDER_LEAD, kind: "rakor", mode: "luring", inviteAll: "on" }}
          withAttachments
          withInviteAll
          cancelTo="/rapat"
          submitLabel={t("meeting.new.submit")}
        />
      </Card>
    </div>
  );
}
