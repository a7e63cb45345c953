// Attendance of a meeting. The coordinator's check-in screen: a personal code typed in (or arriving
// with the QR link ?kode=…, shown for confirmation), a tap per named person grouped by agency (plain
// forms: works without JavaScript), walk-in substitutes, and the time-limited meeting code for
// online/hybrid meetings. Everyone else who may see the meeting finds their own check-in here; a
// representative who opens their own QR link while signed in is checked in (within the window).
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { requireUser, safeRedirect } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { requireMeeting } from "~/.server/meeting-access.server";
import { can, requirePermission } from "~/.server/permissions.server";
import { AttendanceBadge, AttendanceSummary, SelfCheckInForm } from "~/components/attendance";
import { ErrorList } from "~/components/form";
import { Chevron } from "~/components/minutes";
import { MeetingTabs, MeetingWhen } from "~/components/meeting/bits";
import { Button, ButtonLink, buttonClass } from "~/components/ui/button";
import { Card, Notice, PageHeader } from "~/components/ui/card";
import { formatTime, formatTimeForViewer } from "~/i18n/format";
import { useLocale, useT, useViewerTimeZone } from "~/i18n/react";
import { walkInSchema } from "~/lib/follow-up";
import {
  addWalkIn, attendanceBoard, checkInByCode, checkInGuest, checkInRepresentative, generateMeetingCode, lookupCode,
  selfCheckIn, selfCheckInWithPersonalCode, undoCheckIn, type CheckInResult,
} from "~/models/attendance.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Daftar hadir — ${data?.meeting.title ?? "Rapat"} — Sinergi` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, access, manage } = await requireMeeting(user, params.id);
  const kode = new URL(request.url).searchParams.get("kode")?.trim() || null;
  const coordinator = can(user, "attendance.manage");
  const readAll = can(user, "attendance.view");
  const m = {
    id: meeting.id, title: meeting.title, status: meeting.status, mode: meeting.mode, starts_at: meeting.starts_at, ends_at: meeting.ends_at,
    time_zone: meeting.time_zone,
  };

  // The QR link: the coordinator gets the code prefilled to confirm; the owner is checked in.
  let prefill: { code: string; ok: true; name: string; agency: string | null; checkedInAt: string | null } | { code: string; ok: false; error: string } | null = null;
  let own: CheckInResult | null = null;
  if (kode && coordinator) {
    const found = await lookupCode(db, meeting.id, kode);
    prefill = !found.ok
      ? { code: kode, ok: false, error: found.error }
      : found.kind === "guest"
        ? { code: kode, ok: true, name: found.guest.name, agency: found.guest.organisation, checkedInAt: found.guest.checked_in_at }
        : { code: kode, ok: true, name: found.rep.user_name ?? found.rep.substitute_name ?? "—", agency: found.rep.agency_short_name, checkedInAt: found.rep.checked_in_at };
  } else if (kode) {
    own = await selfCheckInWithPersonalCode(db, { meetingId: meeting.id, userId: user.id, code: kode });
  }

  const board = coordinator || readAll ? await attendanceBoard(db, meeting.id) : null;
  const codeValid = meeting.meeting_code && meeting.meeting_code_expires_at && Date.parse(meeting.meeting_code_expires_at) > Date.now();
  return {
    meeting: m,
    manage,
    coordinator,
    board: board && { final: board.final, agencies: board.agencies, guests: board.guests, summary: board.summary },
    meetingCode: coordinator && codeValid ? { code: meeting.meeting_code!, expiresAt: meeting.meeting_code_expires_at! } : null,
    prefill,
    own: own && (own.ok ? { ok: true as const, already: own.already, at: own.person.checkedInAt } : { ok: false as const, error: own.error }),
    mine: access.representative ? { checkedInAt: access.representative.checked_in_at } : null,
    canSelf: can(user, "attendance.self", { invited: access.invited, meetingStatus: meeting.status }) && meeting.mode !== "luring",
    ownAttendance: access.invitation?.attendance ?? null,
  };
}

const personLabel = (r: Extract<CheckInResult, { ok: true }>) => (r.person.agency ? `${r.person.name} (${r.person.agency})` : r.person.name);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, access } = await requireMeeting(user, params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = `/rapat/${meeting.id}/hadir`;

  if (intent === "self") {
    // From this page or the meeting page: back to where the form was, with the result as a message.
    requirePermission(user, "attendance.self", { invited: access.invited, meetingStatus: meeting.status });
    const to = safeRedirect(formData.get("redirectTo"), back);
    const r = await selfCheckIn(db, { meetingId: meeting.id, user: { id: user.id, agencyId: user.agencyId }, code: String(formData.get("code") ?? "") });
    if (!r.ok) {
      if (to !== back) return redirectWithFlash(to, { tone: "danger", key: r.error });
      return data({ intent, error: r.error, code: String(formData.get("code") ?? "") }, { status: 400 });
    }
    return redirectWithFlash(to, { tone: "success", key: r.already ? "checkin.flash.selfAlready" : "checkin.flash.self", params: { time: formatTime(r.person.checkedInAt, meeting.time_zone, user.locale) } });
  }

  requirePermission(user, "attendance.manage");
  const actorId = user.id;
  const done = (r: CheckInResult, code = "") => {
    if (!r.ok) return data({ intent, error: r.error, code }, { status: 400 });
    return redirectWithFlash(`${back}#checkin`, {
      tone: "success",
      key: r.already ? "checkin.flash.already" : "checkin.flash.done",
      params: { who: personLabel(r), time: formatTime(r.person.checkedInAt, meeting.time_zone, user.locale) },
    });
  };
  switch (intent) {
    case "code": {
      const code = String(formData.get("code") ?? "").slice(0, 64);
      const method = formData.get("via") === "qr" ? "qr" : "code";
      return done(await checkInByCode(db, { meetingId: meeting.id, code, actorId, method }), code);
    }
    case "tap":
      return done(await checkInRepresentative(db, { meetingId: meeting.id, representativeId: String(formData.get("representativeId") ?? ""), actorId }));
    case "guest":
      return done(await checkInGuest(db, { meetingId: meeting.id, guestId: String(formData.get("guestId") ?? "") }));
    case "undo": {
      const ok = await undoCheckIn(db, { meetingId: meeting.id, representativeId: String(formData.get("representativeId") ?? ""), actorId });
      if (!ok) return data({ intent, error: "checkin.finalised", code: "" }, { status: 400 });
      return redirectWithFlash(`${back}#checkin`, { tone: "brand", key: "checkin.flash.undone" });
    }
    case "walkin": {
      const submission = parseWithZod(formData, { schema: walkInSchema });
      if (submission.status !== "success") return data({ intent, error: "form.invalid", code: "", fields: submission.error }, { status: 400 });
      return done(await addWalkIn(db, { meetingId: meeting.id, ...submission.value, actorId }));
    }
    case "meetingCode": {
      const r = await generateMeetingCode(db, { meetingId: meeting.id, actorId });
      if (!r.ok) return data({ intent, error: r.error, code: "" }, { status: 400 });
      return redirectWithFlash(`${back}#meeting-code`, { tone: "success", key: "checkin.flash.meetingCode", params: { code: r.code } });
    }
    default:
      return data({ intent, error: "error.400", code: "" }, { status: 400 });
  }
}

export default function AttendancePage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const m = d.meeting;
  return (
    <div>
      <PageHeader
        eyebrow={t("meeting.tab.attendance")}
        title={m.title}
        description={<MeetingWhen startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.time_zone} />}
        actions={
          d.board ? (
            <>
              <ButtonLink to={`/rapat/${m.id}/hadir/cetak`}>{t("attendance.print")}</ButtonLink>
              <a href={`/rapat/${m.id}/hadir.csv`} className={buttonClass("secondary")} download>{t("attendance.csv")}</a>
            </>
          ) : null
        }
      />
      <MeetingTabs meetingId={m.id} manage={d.manage} />
      {d.coordinator ? <CoordinatorView /> : <ParticipantView />}
    </div>
  );
}

function ParticipantView() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const viewerTz = useViewerTimeZone();
  const m = d.meeting;
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-6">
        {d.own ? (
          d.own.ok ? (
            <Notice tone="success">
              {t(d.own.already ? "checkin.own.already" : "checkin.own.done", { time: formatTimeForViewer(d.own.at, m.time_zone, viewerTz, locale) })}
            </Notice>
          ) : (
            <Notice tone="danger">{t(d.own.error)}</Notice>
          )
        ) : null}
        <Card aria-labelledby="own-title">
          <h2 id="own-title" className="mb-2 text-xl font-bold">{t("checkin.own.title")}</h2>
          {d.mine?.checkedInAt ? (
            <p className="font-semibold text-success-700">{t("checkin.own.checkedInAt", { time: formatTimeForViewer(d.mine.checkedInAt, m.time_zone, viewerTz, locale) })}</p>
          ) : d.mine ? (
            <p className="text-muted">{t("checkin.own.notYet")}</p>
          ) : (
            <p className="text-muted">{t("checkin.own.notNamed")}</p>
          )}
          {d.ownAttendance ? (
            <p className="mt-2">
              {t("checkin.own.agencyStatus")} <AttendanceBadge status={d.ownAttendance} />
            </p>
          ) : null}
          {d.mine ? <p className="mt-3 text-sm text-muted">{t("checkin.own.codeHint")} <Link to={`/rapat/${m.id}`}>{t("checkin.own.codeLink")}</Link></p> : null}
        </Card>
        {d.board ? <BoardView readOnly /> : null}
      </div>
      <div>
        {d.canSelf && !d.mine?.checkedInAt ? (
          <Card aria-labelledby="self-title">
            <h2 id="self-title" className="mb-1 text-lg font-bold">{t("checkin.self.title")}</h2>
            <p className="mb-3 text-sm text-muted">{t("checkin.self.hint")}</p>
            {actionData && "error" in actionData && actionData.intent === "self" ? <Notice tone="danger">{t(actionData.error)}</Notice> : null}
            <SelfCheckInForm meetingId={m.id} />
          </Card>
        ) : null}
      </div>
    </div>
  );
}

function CoordinatorView() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const t = useT();
  const locale = useLocale();
  const m = d.meeting;
  const busy = navigation.state === "submitting";
  const codeError = actionData && "error" in actionData && (actionData.intent === "code" || actionData.intent === "tap" || actionData.intent === "guest" || actionData.intent === "undo") ? actionData.error : null;
  const online = m.mode !== "luring";
  const closed = m.status === "closed" || m.status === "cancelled" || m.status === "draft";
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-6">
        {m.status === "draft" || m.status === "cancelled" ? <Notice tone="warning">{t(m.status === "draft" ? "checkin.notPublished" : "checkin.cancelled")}</Notice> : null}
        {m.status === "closed" ? <Notice tone="brand">{t("checkin.finalised")}</Notice> : null}
        <Card aria-labelledby="checkin" className="border-brand-200">
          <h2 id="checkin" className="mb-1 text-xl font-bold">{t("checkin.code.title")}</h2>
          <p className="mb-3 text-sm text-muted">{t("checkin.code.hint")}</p>
          {d.prefill ? (
            d.prefill.ok ? (
              <div className="mb-4 rounded-control border border-brand-200 bg-brand-50 p-3" role="status">
                <p className="font-semibold">{t("checkin.prefill.found", { name: d.prefill.name, agency: d.prefill.agency ?? "—" })}</p>
                {d.prefill.checkedInAt ? <p className="text-sm text-success-700">{t("checkin.prefill.already", { time: formatTime(d.prefill.checkedInAt, m.time_zone, locale) })}</p> : null}
              </div>
            ) : (
              <Notice tone="danger">{t(d.prefill.error)}</Notice>
            )
          ) : null}
          <Form method="post" action={`/rapat/${m.id}/hadir`} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="code" />
            {d.prefill?.ok ? <input type="hidden" name="via" value="qr" /> : null}
            <div className="min-w-0 flex-1 basis-48">
              <label htmlFor="code" className="mb-1 block font-semibold">{t("checkin.code.label")}</label>
              <input
                id="code"
                name="code"
                // Fresh (and focused) after every check-in, ready for the next person; a refused code stays.
                key={`${location.key}-${actionData && "code" in actionData ? `e-${actionData.code}` : (d.prefill?.code ?? "")}`}
                defaultValue={actionData && "code" in actionData && actionData.intent === "code" ? actionData.code : (d.prefill?.code ?? "")}
                autoFocus
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                inputMode="text"
                maxLength={64}
                aria-invalid={codeError ? true : undefined}
                aria-describedby={codeError ? "code-error" : undefined}
                className="block min-h-12 w-full rounded-control border border-line px-3 font-mono text-2xl uppercase tracking-[0.2em] aria-[invalid=true]:border-danger-600"
              />
            </div>
            <Button disabled={busy || closed} className="min-h-12">{d.prefill?.ok && !d.prefill.checkedInAt ? t("checkin.prefill.confirm") : t("checkin.code.submit")}</Button>
            <div className="w-full" aria-live="polite">
              <ErrorList id="code-error" errors={codeError ? [codeError] : null} />
            </div>
          </Form>
        </Card>
        <BoardView readOnly={closed} />
      </div>
      <div className="space-y-6">
        {d.board ? (
          <Card aria-labelledby="summary-title">
            <h2 id="summary-title" className="mb-3 text-lg font-bold">{t("attendance.summary")}</h2>
            <AttendanceSummary summary={d.board.summary} final={d.board.final} />
          </Card>
        ) : null}
        {online ? <MeetingCodeCard disabled={closed} /> : null}
        <WalkInCard key={location.key} disabled={closed} />
      </div>
    </div>
  );
}

function MeetingCodeCard({ disabled }: { disabled: boolean }) {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const m = d.meeting;
  return (
    <Card aria-labelledby="meeting-code">
      <h2 id="meeting-code" className="mb-1 text-lg font-bold">{t("checkin.meetingCode.title")}</h2>
      <p className="mb-3 text-sm text-muted">{t("checkin.meetingCode.hint")}</p>
      {d.meetingCode ? (
        <div className="mb-3 rounded-control bg-surface p-3 text-center">
          <p className="font-mono text-4xl font-bold tracking-[0.3em] text-brand-800" data-testid="meeting-code">{d.meetingCode.code}</p>
          <p className="mt-1 text-sm text-muted">{t("checkin.meetingCode.validUntil", { time: formatTime(d.meetingCode.expiresAt, m.time_zone, locale) })}</p>
        </div>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="meetingCode" />
        <Button variant="secondary" className="w-full" disabled={disabled}>{d.meetingCode ? t("checkin.meetingCode.renew") : t("checkin.meetingCode.generate")}</Button>
      </Form>
      {actionData && "error" in actionData && actionData.intent === "meetingCode" ? <ErrorList errors={[actionData.error]} /> : null}
    </Card>
  );
}

function WalkInCard({ disabled }: { disabled: boolean }) {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const failed = actionData && "error" in actionData && actionData.intent === "walkin" ? actionData : null;
  const fieldErrors = failed && "fields" in failed ? (failed.fields as Record<string, string[] | undefined> | undefined) : undefined;
  if (!d.board?.agencies.length) return null;
  return (
    <Card aria-labelledby="walkin-title">
      <details open={!!failed} className="group">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 text-lg font-bold [&::-webkit-details-marker]:hidden">
          <span id="walkin-title">{t("checkin.walkIn.title")}</span>
          <Chevron />
        </summary>
        <p className="mb-3 text-sm text-muted">{t("checkin.walkIn.hint")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="walkin" />
          <div className="mb-3">
            <label htmlFor="walkin-agency" className="mb-1 block font-semibold">{t("checkin.walkIn.agency")}</label>
            <select id="walkin-agency" name="agencyId" className="block min-h-11 w-full rounded-control border border-line bg-white px-3" aria-invalid={fieldErrors?.agencyId ? true : undefined}>
              <option value="">{t("checkin.walkIn.chooseAgency")}</option>
              {d.board.agencies.map((a) => (
                <option key={a.agencyId} value={a.agencyId}>{a.shortName}</option>
              ))}
            </select>
            <ErrorList errors={fieldErrors?.agencyId} />
          </div>
          <div className="mb-3">
            <label htmlFor="walkin-name" className="mb-1 block font-semibold">{t("checkin.walkIn.name")}</label>
            <input id="walkin-name" name="name" maxLength={200} className="block min-h-11 w-full rounded-control border border-line px-3" aria-invalid={fieldErrors?.name ? true : undefined} />
            <ErrorList errors={fieldErrors?.name} />
          </div>
          <div className="mb-3">
            <label htmlFor="walkin-position" className="mb-1 block font-semibold">
              {t("checkin.walkIn.position")} <span className="text-sm font-normal text-muted">({t("form.optional")})</span>
            </label>
            <input id="walkin-position" name="position" maxLength={200} className="block min-h-11 w-full rounded-control border border-line px-3" />
          </div>
          <Button variant="secondary" className="w-full" disabled={disabled}>{t("checkin.walkIn.submit")}</Button>
          {failed && !fieldErrors ? <ErrorList errors={[failed.error]} /> : null}
        </Form>
      </details>
    </Card>
  );
}

function BoardView({ readOnly = false }: { readOnly?: boolean }) {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const m = d.meeting;
  if (!d.board) return null;
  const canTap = d.coordinator && !readOnly;
  // Agencies with named people first (where the taps are), the rest compactly at the end.
  const byName = [...d.board.agencies].sort((a, b) => a.shortName.localeCompare(b.shortName, "id"));
  const withPeople = byName.filter((a) => a.people.length);
  const without = byName.filter((a) => !a.people.length);
  return (
    <section aria-labelledby="board-title">
      <h2 id="board-title" className="mb-3 text-xl font-bold">{t("attendance.byAgency")}</h2>
      {d.board.agencies.length === 0 ? <p className="rounded-control border border-dashed border-line bg-white p-6 text-center text-muted">{t("attendance.noneInvited")}</p> : null}
      <ul className="space-y-3">
        {withPeople.map((a) => (
          <li key={a.agencyId} className="rounded-card border border-line bg-white p-3 sm:p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-bold">{a.shortName} <span className="sr-only">— {a.name}</span></h3>
              <AttendanceBadge status={a.status} rsvp={a.rsvp} />
            </div>
            {a.rsvp === "declined" && a.declineReason ? <p className="text-sm text-muted">{t("attendance.declineReason", { reason: a.declineReason })}</p> : null}
            {a.people.length ? (
              <ul className="mt-2 divide-y divide-line">
                {a.people.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="min-w-0">
                      <span className="block font-medium">{p.name}{p.isSubstitute ? <span className="ml-1 text-sm font-normal text-muted">({t("rsvp.substitute")})</span> : null}</span>
                      {p.position ? <span className="block text-sm text-muted">{p.position}</span> : null}
                    </span>
                    {p.checkedInAt ? (
                      <span className="flex items-center gap-2">
                        <span className="font-semibold text-success-700">✓ {formatTime(p.checkedInAt, m.time_zone, locale)}</span>
                        {canTap ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="undo" />
                            <input type="hidden" name="representativeId" value={p.id} />
                            <button type="submit" className="min-h-11 rounded-control px-3 text-sm font-semibold text-muted underline hover:bg-surface" aria-label={t("checkin.undoLabel", { name: p.name })}>
                              {t("checkin.undo")}
                            </button>
                          </Form>
                        ) : null}
                      </span>
                    ) : canTap ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="tap" />
                        <input type="hidden" name="representativeId" value={p.id} />
                        <Button className="min-w-28" disabled={navigation.state === "submitting"} aria-label={t("checkin.tapLabel", { name: p.name })}>
                          {t("checkin.tap")}
                        </Button>
                      </Form>
                    ) : (
                      <span className="text-sm text-muted">{t("checkin.notYet")}</span>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {without.length ? (
        <div className="mt-3 rounded-card border border-line bg-white p-3 sm:p-4">
          <h3 className="font-bold">{t("attendance.withoutRepresentatives", { count: without.length })}</h3>
          <ul className="mt-1 divide-y divide-line">
            {without.map((a) => (
              <li key={a.agencyId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0">
                  <span className="block font-medium">{a.shortName}</span>
                  {a.rsvp === "declined" && a.declineReason ? <span className="block text-sm text-muted">{t("attendance.declineReason", { reason: a.declineReason })}</span> : null}
                </span>
                <AttendanceBadge status={a.status} rsvp={a.rsvp} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.board.guests.length ? (
        <>
          <h2 className="mb-3 mt-6 text-xl font-bold">{t("attendance.guests")}</h2>
          <ul className="divide-y divide-line rounded-card border border-line bg-white px-3">
            {d.board.guests.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="block font-medium">{g.name}</span>
                  {g.organisation ? <span className="block text-sm text-muted">{g.organisation}</span> : null}
                </span>
                {g.checked_in_at ? (
                  <span className="font-semibold text-success-700">✓ {formatTime(g.checked_in_at, m.time_zone, locale)}</span>
                ) : canTap ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="guest" />
                    <input type="hidden" name="guestId" value={g.id} />
                    <Button className="min-w-28" aria-label={t("checkin.tapLabel", { name: g.name })}>{t("checkin.tap")}</Button>
                  </Form>
                ) : (
                  <span className="text-sm text-muted">{t("checkin.notYet")}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
