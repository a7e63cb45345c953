// Minutes (notulen) of a meeting: the editor for the coordinator (every save a revision; a stale save
// is refused and the typed text kept, with the latest version alongside to merge), the sign-off
// (draft → circulated with a correction deadline → approved → locked), correction comments from the
// attending agencies' admins, and the revision history. Drafts are seen only by the coordinator and
// the pimpinan; once circulated, by every invited agency.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { baseUrlOf, requireMeeting } from "~/.server/meeting-access.server";
import { can, requirePermission } from "~/.server/permissions.server";
import { parseRichText, renderRichText } from "~/.server/rich-text.server";
import { ErrorList } from "~/components/form";
import { MeetingTabs, MeetingWhen } from "~/components/meeting/bits";
import { Chevron, MinutesStatusBadge, MinutesSteps } from "~/components/minutes";
import { RichTextEditor } from "~/components/rich-text/editor";
import { RichTextView } from "~/components/rich-text/view";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { formatDateTime, formatTimeForViewer } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { commentSchema } from "~/lib/follow-up";
import { addDays } from "~/lib/series";
import { isDateString, isTimeString, utcToZoned, zonedToUtc } from "~/lib/zoned-time";
import { attendingAgencyIds } from "~/models/attendance.server";
import {
  addComment, approveMinutes, circulateMinutes, getMinutes, getRevision, listComments, listRevisions, lockMinutes, minutesStatus,
  reopenMinutes, resolveComment, saveMinutes,
} from "~/models/minutes.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Notulen — ${data?.meeting.title ?? "Rapat"} — Sinergi` }];

async function guard(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const { meeting, access, manage } = await requireMeeting(user, id);
  const status = await minutesStatus(db, meeting.id);
  // Drafts (and minutes not yet written) stay with the coordinator and the pimpinan: 404 for others.
  if (!can(user, "minutes.view", { invited: access.invited, minutesStatus: status ?? "draft" })) {
    throw new Response("error.minutesNotCirculated", { status: 404 });
  }
  // Correction comments come from the agencies that attended (their admins).
  const attended = !!user.agencyId && (await attendingAgencyIds(db, meeting.id)).includes(user.agencyId);
  return { user, meeting, access, manage, status, attended };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, meeting, manage, status, attended } = await guard(request, params.id);
  const versi = Number(new URL(request.url).searchParams.get("versi"));
  const [minutes, comments, revisions, older] = await Promise.all([
    getMinutes(db, meeting.id),
    listComments(db, meeting.id),
    listRevisions(db, meeting.id),
    Number.isInteger(versi) && versi > 0 ? getRevision(db, meeting.id, versi) : Promise.resolve(undefined),
  ]);
  const editable = can(user, "minutes.edit") && meeting.status !== "cancelled" && (!minutes || minutes.status === "draft" || minutes.status === "circulated");
  const commentsOpen = minutes?.status === "circulated" && (!minutes.corrections_until || Date.parse(minutes.corrections_until) > Date.now());
  const today = utcToZoned(new Date(), meeting.time_zone).date;
  const deadline = minutes?.corrections_until ? utcToZoned(minutes.corrections_until, meeting.time_zone) : { date: addDays(today, 3), time: "16:00" };
  return {
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status, starts_at: meeting.starts_at, ends_at: meeting.ends_at, time_zone: meeting.time_zone },
    manage,
    minutes: minutes && {
      status: minutes.status, version: minutes.version, json: minutes.content_json, html: renderRichText(minutes.content_json),
      corrections_until: minutes.corrections_until, circulated_at: minutes.circulated_at, approved_at: minutes.approved_at,
      approved_by_name: minutes.approved_by_name, updated_at: minutes.updated_at, updated_by_name: minutes.updated_by_name,
    },
    older: older && older.version !== minutes?.version ? { version: older.version, saved_at: older.saved_at, saved_by_name: older.saved_by_name, html: renderRichText(older.content_json) } : null,
    // Corrections go to the secretariat: each agency sees its own; coordinator and pimpinan see all.
    comments: can(user, "network.readAll") ? comments : comments.filter((c) => !!user.agencyId && c.agency_id === user.agencyId),
    revisions,
    editable,
    canCirculate: editable && !!minutes && Date.parse(meeting.starts_at) <= Date.now(),
    canApprove: can(user, "minutes.approve") && minutes?.status === "circulated",
    canReopen: can(user, "minutes.edit") && minutes?.status === "approved",
    canLock: can(user, "minutes.approve") && minutes?.status === "approved",
    canResolve: can(user, "minutes.edit") && (minutes?.status === "circulated" || minutes?.status === "draft"),
    canComment: commentsOpen && can(user, "minutes.comment", { agencyId: user.agencyId, invited: attended, minutesStatus: status }),
    deadline,
  };
}

const circulateSchema = z.object({
  date: z.string().refine(isDateString, "meeting.dateInvalid"),
  time: z.string().refine(isTimeString, "meeting.timeInvalid"),
});

interface MinutesActionData {
  intent: string;
  error: string;
  typed?: string;
  version?: number;
  body?: string;
  stale?: { version: number; savedByName: string | null; savedAt: string; html: string };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, meeting, status, attended } = await guard(request, params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = `/rapat/${meeting.id}/notulen`;
  const actor = { id: user.id, ip: context.ip ?? null };
  const fail = (error: string, extra: Omit<MinutesActionData, "intent" | "error"> = {}, status = 400) =>
    data<MinutesActionData>({ intent, error, ...extra }, { status });

  switch (intent) {
    case "save": {
      requirePermission(user, "minutes.edit");
      const typed = String(formData.get("content") ?? "");
      const baseVersion = Number(formData.get("version") ?? 0);
      const parsed = parseRichText(typed);
      if (!parsed.ok) return fail(parsed.error, { typed, version: baseVersion });
      if (parsed.empty) return fail("minutes.emptyText", { typed, version: baseVersion });
      const r = await saveMinutes(db, actor, { meetingId: meeting.id, baseVersion: Number.isInteger(baseVersion) ? baseVersion : -1, contentJson: parsed.json });
      if (!r.ok) {
        if (r.error === "minutes.stale") {
          // Nothing is lost: the typed text comes back to the editor, the latest version beside it.
          return fail(r.error, {
            typed,
            version: r.latest.version,
            stale: { version: r.latest.version, savedByName: r.latest.savedByName, savedAt: r.latest.savedAt, html: renderRichText(r.latest.contentJson) },
          }, 409);
        }
        return fail(r.error, { typed, version: baseVersion });
      }
      return redirectWithFlash(back, { tone: "success", key: "minutes.flash.saved", params: { version: r.version } });
    }
    case "circulate": {
      requirePermission(user, "minutes.edit");
      const parsed = circulateSchema.safeParse({ date: formData.get("date"), time: formData.get("time") });
      const until = parsed.success ? zonedToUtc(parsed.data.date, parsed.data.time, meeting.time_zone) : null;
      if (!until) return fail("minutes.deadlineInvalid");
      const r = await circulateMinutes(db, actor, { meetingId: meeting.id, correctionsUntil: until.toISOString(), baseUrl: baseUrlOf(request) });
      if (!r.ok) return fail(r.error);
      return redirectWithFlash(back, { tone: "success", key: status === "circulated" ? "minutes.flash.deadlineMoved" : "minutes.flash.circulated", params: { count: r.notified } });
    }
    case "approve": {
      requirePermission(user, "minutes.approve");
      const r = await approveMinutes(db, actor, meeting.id);
      if (!r.ok) return fail(r.error);
      return redirectWithFlash(back, { tone: "success", key: "minutes.flash.approved" });
    }
    case "reopen": {
      requirePermission(user, "minutes.edit");
      const r = await reopenMinutes(db, actor, meeting.id);
      if (!r.ok) return fail(r.error);
      return redirectWithFlash(back, { tone: "brand", key: "minutes.flash.reopened" });
    }
    case "lock": {
      requirePermission(user, "minutes.approve");
      const r = await lockMinutes(db, actor, meeting.id);
      if (!r.ok) return fail(r.error);
      return redirectWithFlash(back, { tone: "success", key: "minutes.flash.locked" });
    }
    case "comment": {
      requirePermission(user, "minutes.comment", { agencyId: user.agencyId, invited: attended, minutesStatus: status });
      const parsed = commentSchema.safeParse({ body: formData.get("body") ?? "" });
      if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? "form.required", { body: String(formData.get("body") ?? "") });
      const r = await addComment(db, { ...actor, agencyId: user.agencyId }, { meetingId: meeting.id, body: parsed.data.body });
      if (!r.ok) return fail(r.error, { body: parsed.data.body });
      return redirectWithFlash(`${back}#comments`, { tone: "success", key: "minutes.flash.commented" });
    }
    case "resolve": {
      requirePermission(user, "minutes.edit");
      await resolveComment(db, actor, { meetingId: meeting.id, commentId: String(formData.get("commentId") ?? "") });
      return redirectWithFlash(`${back}#comments`, { tone: "success", key: "minutes.flash.resolved" });
    }
    default:
      return fail("error.400");
  }
}

export default function MinutesPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const m = d.meeting;
  // A refused (stale) save needs the width for the two texts side by side.
  const wide = !!actionData?.stale;
  return (
    <div>
      <PageHeader
        eyebrow={t("meeting.tab.minutes")}
        title={m.title}
        description={<MeetingWhen startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.time_zone} />}
        actions={d.minutes ? <ButtonLink to={`/rapat/${m.id}/notulen/cetak`}>{t("minutes.print")}</ButtonLink> : null}
      />
      <MeetingTabs meetingId={m.id} manage={d.manage} />
      <MinutesSteps status={d.minutes?.status ?? null} />
      <div className={wide ? "grid gap-6" : "grid gap-6 lg:grid-cols-[2fr_1fr]"}>
        <div className="min-w-0 space-y-6">
          {d.older ? <OlderVersion /> : null}
          {d.editable ? <EditorCard /> : <ReadOnlyCard />}
        </div>
        <div className="space-y-6">
          <SignOffCard />
          <CommentsCard />
          <RevisionsCard />
        </div>
      </div>
    </div>
  );
}

function OlderVersion() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  if (!d.older) return null;
  return (
    <Card aria-labelledby="older-title" className="border-warning-700/30 bg-warning-50">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="older-title" className="text-lg font-bold">{t("minutes.revisions.viewing", { version: d.older.version })}</h2>
        <Link to={`/rapat/${d.meeting.id}/notulen`} className="font-semibold">{t("minutes.revisions.backToCurrent")}</Link>
      </div>
      <p className="mb-3 text-sm text-muted">{t("minutes.revisions.savedBy", { name: d.older.saved_by_name ?? "—", time: formatDateTime(d.older.saved_at, viewerTz, locale) })}</p>
      <RichTextView html={d.older.html} className="rounded-control bg-white p-3" />
    </Card>
  );
}

function ReadOnlyCard() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  return (
    <Card aria-labelledby="minutes-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="minutes-title" className="text-xl font-bold">{t("minutes.title")}</h2>
        {d.minutes ? <MinutesStatusBadge status={d.minutes.status} /> : null}
      </div>
      {actionData?.intent === "save" ? <Notice tone="danger">{t(actionData.error)}</Notice> : null}
      {d.minutes?.status === "locked" ? <Notice tone="brand">{t("minutes.lockedNotice")}</Notice> : null}
      {d.minutes?.status === "approved" ? <Notice tone="success">{t("minutes.approvedNotice")}</Notice> : null}
      {d.minutes ? (
        <>
          <RichTextView html={d.minutes.html} />
          <p className="mt-4 border-t border-line pt-3 text-sm text-muted">
            {t("minutes.versionLine", { version: d.minutes.version, name: d.minutes.updated_by_name ?? "—", time: formatDateTime(d.minutes.updated_at, viewerTz, locale) })}
          </p>
        </>
      ) : (
        <p className="text-muted">{t("minutes.none")}</p>
      )}
    </Card>
  );
}

function EditorCard() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  const failedSave = actionData?.intent === "save" && actionData.typed !== undefined ? actionData : null;
  const stale = failedSave?.stale ?? null;
  const version = failedSave ? Number(failedSave.version) : (d.minutes?.version ?? 0);
  const value = failedSave ? String(failedSave.typed) : (d.minutes?.json ?? "");
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  return (
    <>
      {stale ? (
        <div role="alert" className="rounded-control border border-danger-600/30 bg-danger-50 px-4 py-3 text-danger-700">
          <p className="font-semibold">{t("minutes.stale.title")}</p>
          <p>{t("minutes.stale.body", { version: stale.version, name: stale.savedByName ?? "—", time: formatDateTime(stale.savedAt, viewerTz, locale) })}</p>
        </div>
      ) : null}
      <div className={stale ? "grid gap-4 lg:grid-cols-2" : ""}>
        <Card aria-labelledby="minutes-title">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 id="minutes-title" className="text-xl font-bold">{stale ? t("minutes.stale.yours") : t("minutes.title")}</h2>
            {d.minutes ? <MinutesStatusBadge status={d.minutes.status} /> : null}
          </div>
          <Form method="post" id="minutes-form">
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="version" value={version} />
            <RichTextEditor
              key={`${version}-${failedSave ? "typed" : "saved"}-${failedSave ? value.length : 0}`}
              name="content"
              id="minutes-content"
              label={t("minutes.editorLabel")}
              hint={t("minutes.editorHint")}
              defaultValue={value}
              errors={failedSave && !stale ? [String(failedSave.error)] : null}
              tall
            />
            <div className="flex flex-wrap items-center gap-3">
              <Button disabled={saving}>{saving ? t("minutes.saving") : t("minutes.save")}</Button>
              {d.minutes ? (
                <span className="text-sm text-muted">
                  {t("minutes.versionLine", { version: d.minutes.version, name: d.minutes.updated_by_name ?? "—", time: formatTimeForViewer(d.minutes.updated_at, d.meeting.time_zone, viewerTz, locale) })}
                </span>
              ) : null}
            </div>
          </Form>
        </Card>
        {stale ? (
          <Card aria-labelledby="latest-title" className="border-warning-700/30">
            <h2 id="latest-title" className="mb-1 text-xl font-bold">{t("minutes.stale.latest", { version: stale.version })}</h2>
            <p className="mb-3 text-sm text-muted">{t("minutes.stale.mergeHint")}</p>
            <RichTextView html={stale.html} className="rounded-control bg-surface p-3" />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function SignOffCard() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  const mm = d.minutes;
  const busy = navigation.state === "submitting";
  const error = actionData && ["circulate", "approve", "reopen", "lock"].includes(actionData.intent) ? actionData.error : null;
  if (!mm && !d.editable) return null;
  return (
    <Card aria-labelledby="signoff-title">
      <h2 id="signoff-title" className="mb-2 text-lg font-bold">{t("minutes.signOff.title")}</h2>
      {error ? <Notice tone="danger">{t(error)}</Notice> : null}
      {mm?.status === "circulated" && mm.corrections_until ? (
        <p className="mb-2 text-sm">{t("minutes.signOff.correctionsUntil", { time: formatDateTime(mm.corrections_until, viewerTz, locale) })}</p>
      ) : null}
      {mm?.approved_at ? (
        <p className="mb-2 text-sm">{t("minutes.signOff.approvedBy", { name: mm.approved_by_name ?? "—", time: formatDateTime(mm.approved_at, viewerTz, locale) })}</p>
      ) : null}
      {!mm ? <p className="text-sm text-muted">{t("minutes.signOff.writeFirst")}</p> : null}
      {d.canCirculate ? (
        <Form method="post" className="mb-3">
          <input type="hidden" name="intent" value="circulate" />
          <fieldset>
            <legend className="mb-1 font-semibold">{t("minutes.signOff.deadline")}</legend>
            <p className="mb-2 text-sm text-muted">{t("minutes.signOff.deadlineHint", { zone: d.meeting.time_zone })}</p>
            <div className="grid grid-cols-[1fr_auto] gap-2">
              <label className="sr-only" htmlFor="deadline-date">{t("minutes.signOff.deadlineDate")}</label>
              <input id="deadline-date" type="date" name="date" required defaultValue={d.deadline.date} className="min-h-11 rounded-control border border-line px-3" />
              <label className="sr-only" htmlFor="deadline-time">{t("minutes.signOff.deadlineTime")}</label>
              <input id="deadline-time" type="time" name="time" required defaultValue={d.deadline.time} className="min-h-11 rounded-control border border-line px-3" />
            </div>
          </fieldset>
          <Button variant={mm?.status === "draft" ? "primary" : "secondary"} className="mt-2 w-full" disabled={busy}>
            {mm?.status === "circulated" ? t("minutes.signOff.moveDeadline") : t("minutes.signOff.circulate")}
          </Button>
        </Form>
      ) : d.editable && mm?.status === "draft" ? (
        <p className="mb-3 text-sm text-muted">{t("minutes.notStarted")}</p>
      ) : null}
      {d.canApprove ? (
        <Form method="post" className="mb-2">
          <input type="hidden" name="intent" value="approve" />
          <Button className="w-full" disabled={busy}>{t("minutes.signOff.approve")}</Button>
        </Form>
      ) : null}
      {d.canLock ? (
        <Form method="post" className="mb-2">
          <input type="hidden" name="intent" value="lock" />
          <p className="mb-2 text-sm text-muted">{t("minutes.signOff.lockHint")}</p>
          <Button className="w-full" disabled={busy}>{t("minutes.signOff.lock")}</Button>
        </Form>
      ) : null}
      {d.canReopen ? (
        <Form method="post">
          <input type="hidden" name="intent" value="reopen" />
          <Button variant="secondary" className="w-full" disabled={busy}>{t("minutes.signOff.reopen")}</Button>
        </Form>
      ) : null}
    </Card>
  );
}

function CommentsCard() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  const failed = actionData?.intent === "comment" ? actionData : null;
  if (!d.comments.length && !d.canComment && d.minutes?.status !== "circulated") return null;
  return (
    <Card aria-labelledby="comments">
      <h2 id="comments" className="mb-2 text-lg font-bold">{t("minutes.comments.title")}</h2>
      {d.comments.length === 0 ? <p className="mb-2 text-sm text-muted">{t("minutes.comments.none")}</p> : null}
      <ul className="mb-3 space-y-3">
        {d.comments.map((c) => (
          <li key={c.id} className={`rounded-control border p-3 ${c.resolved_at ? "border-line bg-surface" : "border-warning-700/30 bg-warning-50"}`}>
            <p className="whitespace-pre-line">{c.body}</p>
            <p className="mt-1 text-sm text-muted">
              {t("minutes.comments.by", { name: c.author, agency: c.agency ?? "—", version: c.minutes_version, time: formatDateTime(c.created_at, viewerTz, locale) })}
            </p>
            {c.resolved_at ? (
              <p className="text-sm font-semibold text-success-700">{t("minutes.comments.resolved")}</p>
            ) : d.canResolve ? (
              <Form method="post" className="mt-1">
                <input type="hidden" name="intent" value="resolve" />
                <input type="hidden" name="commentId" value={c.id} />
                <Button variant="ghost">{t("minutes.comments.resolve")}</Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {d.canComment ? (
        <Form method="post">
          <input type="hidden" name="intent" value="comment" />
          <label htmlFor="comment-body" className="mb-1 block font-semibold">{t("minutes.comments.label")}</label>
          <textarea
            key={d.comments.length} // empty again once the correction is sent
            id="comment-body"
            name="body"
            rows={4}
            maxLength={2000}
            defaultValue={failed?.body ?? ""}
            aria-invalid={failed ? true : undefined}
            aria-describedby={failed ? "comment-error" : undefined}
            className="block w-full rounded-control border border-line px-3 py-2"
          />
          <ErrorList id="comment-error" errors={failed ? [String(failed.error)] : null} />
          <Button className="mt-2 w-full">{t("minutes.comments.submit")}</Button>
        </Form>
      ) : d.minutes?.status === "circulated" ? (
        <p className="text-sm text-muted">{t("minutes.comments.whoMay")}</p>
      ) : null}
    </Card>
  );
}

function RevisionsCard() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  if (d.revisions.length === 0) return null;
  return (
    <Card aria-labelledby="revisions-title">
      <details open={!!d.older} className="group">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 text-lg font-bold [&::-webkit-details-marker]:hidden">
          <span id="revisions-title">{t("minutes.revisions.title", { count: d.revisions.length })}</span>
          <Chevron />
        </summary>
        <ol className="mt-2 divide-y divide-line">
          {d.revisions.map((r) => (
            <li key={r.version} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-semibold">{t("minutes.revisions.version", { version: r.version })}</span>
                <span className="block text-sm text-muted">{r.saved_by_name ?? "—"} · {formatDateTime(r.saved_at, viewerTz, locale)}</span>
              </span>
              {r.version === d.minutes?.version ? (
                <span className="text-sm text-muted">{t("minutes.revisions.current")}</span>
              ) : (
                <Link to={`?versi=${r.version}#older-title`} className="inline-flex min-h-11 items-center font-semibold">{t("minutes.revisions.view")}</Link>
              )}
            </li>
          ))}
        </ol>
      </details>
    </Card>
  );
}
