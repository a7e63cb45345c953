// An agency's members. Everyone allowed to see the agency's members gets the list (active and
// deactivated, searchable, 20 a page); its admins and the coordinator also manage it here: invite,
// answer join requests, deactivate/reactivate, make or unmake admins, and hand the admin role over.
// Each action is a small POST form carrying an `intent`; the destructive ones go through a
// confirmation step (`?aksi=…`), so nothing needs JavaScript. The handover form, with its list of
// every possible successor, is a step of its own too (`?aksi=serah-terima`): the list page, which
// is opened far more often, does not load or render it.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { clearSessionCookie, requireUser } from "~/.server/auth.server";
import { db } from "~/.server/db.server";
import { redirectWithFlash } from "~/.server/flash.server";
import { absoluteUrl } from "~/.server/mailer.server";
import { can, notFound, requirePermission } from "~/.server/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/card";
import { ButtonLink } from "~/components/ui/button";
import { makeT, parseLocale } from "~/i18n";
import { useT } from "~/i18n/react";
import { listOpenInvitations } from "~/models/invitation.server";
import {
  approveJoinRequest, deactivateMember, demoteAdmin, getAgencyForMembers, getJoinRequest, getMember,
  getOpenInvitation, handOverAdmin, inviteMember, listJoinRequests, listSuccessorCandidates, memberListPage,
  promoteToAdmin, reactivateMember, rejectJoinRequest, revokeMemberInvitation,
  type MemberResult,
} from "~/models/member.server";
import { ConfirmStep, HandoverCard, HandoverStep, InvitationsCard, InviteCard, JoinRequests, MemberList } from "./panels";
import { CONFIRM_ACTIONS, HANDOVER_SLUG, handoverSchema, inviteSchema, isConfirmSlug } from "./schemas";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  const title = makeT(parseLocale(root?.locale))("member.title");
  return [{ title: d ? `${title} — ${d.agency.short_name} — Sinergi` : `${title} — Sinergi` }];
};

async function loadAgency(params: { id?: string }) {
  const agency = params.id ? await getAgencyForMembers(db, params.id) : null;
  if (!agency) notFound();
  return agency;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const agency = await loadAgency(params);
  requirePermission(user, "agency.members.view", { agencyId: agency.id });
  const canManage = can(user, "agency.members.manage", { agencyId: agency.id });
  const url = new URL(request.url);

  const isAdminHere = user.agencyId === agency.id && user.agencyRole === "admin";
  if (canManage) {
    const confirm = await loadConfirmation(agency.id, url);
    if (confirm) return { agency, canManage, confirm, handover: null, view: null, manage: null };
    if (isAdminHere && url.searchParams.get("aksi") === HANDOVER_SLUG) {
      const successors = await listSuccessorCandidates(db, agency.id);
      return { agency, canManage, confirm: null, handover: { successors }, view: null, manage: null };
    }
  }

  const status: "active" | "deactivated" = url.searchParams.get("status") === "nonaktif" ? "deactivated" : "active";
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get("halaman") ?? "1", 10) || 1));
  const [{ adminCount, ...list }, manage] = await Promise.all([
    memberListPage(db, agency.id, { status, q, page, withAdmins: canManage }),
    canManage
      ? Promise.all([listJoinRequests(db, agency.id), listOpenInvitations(db, agency.id)])
          .then(([requests, invitations]) => ({
            requests,
            invitations: invitations.map(({ id, email, name, expires_at }) => ({ id, email, name, expires_at })),
            canHandOver: isAdminHere,
            now: new Date().toISOString(),
          }))
      : null,
  ]);
  return {
    agency,
    canManage,
    confirm: null,
    handover: null,
    // Names link to the officer record for those who may read everyone's here (admin, readers of all).
    view: { ...list, status, q, me: user.id, records: can(user, "report.officer", { agencyId: agency.id }) },
    manage: manage && { ...manage, adminCount: adminCount ?? 0 },
  };
}

/** The confirmation step asked for by `?aksi=<slug>&orang|permintaan|undangan=<id>`, if its target
 *  exists in this agency. */
async function loadConfirmation(agencyId: string, url: URL) {
  const slug = url.searchParams.get("aksi");
  if (!isConfirmSlug(slug)) return null;
  const spec = CONFIRM_ACTIONS[slug];
  const id = (url.searchParams.get(spec.target) ?? "").slice(0, 64);
  if (!id) return null;
  if (spec.target === "orang") {
    const person = await getMember(db, agencyId, id);
    return person ? { ...spec, id, name: person.name, email: person.email } : null;
  }
  if (spec.target === "permintaan") {
    const req = await getJoinRequest(db, agencyId, id);
    return req && req.status === "pending" ? { ...spec, id, name: req.name, email: req.email } : null;
  }
  const inv = await getOpenInvitation(db, agencyId, id);
  return inv ? { ...spec, id, name: inv.name ?? inv.email, email: inv.email } : null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const agency = await loadAgency(params);
  requirePermission(user, "agency.members.manage", { agencyId: agency.id });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const actor = { id: user.id, ip: context.ip ?? null };
  const mail = { baseUrl: absoluteUrl(request, "/") };
  const here = `/instansi/${agency.id}/anggota`;
  const field = (name: string) => String(formData.get(name) ?? "").slice(0, 64);
  const done = (result: MemberResult, to: string, key: string, params: Record<string, string>) =>
    result.ok
      ? redirectWithFlash(to, { tone: "success", key, params })
      : redirectWithFlash(to, { tone: "danger", key: result.error });

  switch (intent) {
    case "invite": {
      const submission = parseWithZod(formData, { schema: inviteSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      const result = await inviteMember(db, actor, { agencyId: agency.id, ...submission.value }, (token) =>
        absoluteUrl(request, `/undangan/${token}`),
      );
      if (!result.ok) return data({ intent, result: submission.reply({ fieldErrors: { [result.field]: [result.error] } }) }, { status: 400 });
      return redirectWithFlash(here, { tone: "success", key: "member.invite.sent", params: { email: submission.value.email } });
    }
    case "handover": {
      // A refusal shows the form again, whatever URL it was posted to, so it brings the choices along.
      const again = async (result: SubmissionResult<string[]>) =>
        data({ intent, result, successors: await listSuccessorCandidates(db, agency.id) }, { status: 400 });
      const submission = parseWithZod(formData, { schema: handoverSchema });
      if (submission.status !== "success") return again(submission.reply());
      const { successorId, after } = submission.value;
      const successor = await getMember(db, agency.id, successorId);
      const leave = after === "leave";
      const result = await handOverAdmin(db, actor, { agencyId: agency.id, successorId, leave }, mail);
      if (!result.ok) return again(submission.reply({ formErrors: [result.error] }));
      const name = successor?.name ?? "";
      // Leaving deactivates the account and ends its sessions, this one included.
      if (leave) {
        return redirectWithFlash("/login", { tone: "success", key: "member.flash.handoverLeft", params: { name } }, {
          headers: { "Set-Cookie": clearSessionCookie() },
        });
      }
      return redirectWithFlash(here, { tone: "success", key: "member.flash.handover", params: { name } });
    }
    case "approve":
    case "reject": {
      const req = await getJoinRequest(db, agency.id, field("requestId"));
      if (!req) return redirectWithFlash(here, { tone: "danger", key: "member.error.requestGone" });
      const result = intent === "approve"
        ? await approveJoinRequest(db, actor, agency.id, req.id, mail)
        : await rejectJoinRequest(db, actor, agency.id, req.id);
      return done(result, here, intent === "approve" ? "member.flash.approved" : "member.flash.rejected", { name: req.name });
    }
    case "revoke": {
      const inv = await getOpenInvitation(db, agency.id, field("invitationId"));
      if (!inv) return redirectWithFlash(here, { tone: "danger", key: "member.error.invitationGone" });
      return done(await revokeMemberInvitation(db, actor, agency.id, inv.id), here, "member.flash.revoked", { email: inv.email });
    }
    case "deactivate":
    case "activate":
    case "promote":
    case "demote": {
      const person = await getMember(db, agency.id, field("userId"));
      if (!person) return redirectWithFlash(here, { tone: "danger", key: "member.error.notFound" });
      const result =
        intent === "deactivate" ? await deactivateMember(db, actor, agency.id, person.id)
        : intent === "activate" ? await reactivateMember(db, actor, agency.id, person.id)
        : intent === "promote" ? await promoteToAdmin(db, actor, agency.id, person.id, mail)
        : await demoteAdmin(db, actor, agency.id, person.id, mail);
      const to = intent === "activate" ? `${here}?status=nonaktif` : here;
      const key = { deactivate: "member.flash.deactivated", activate: "member.flash.activated", promote: "member.flash.promoted", demote: "member.flash.demoted" }[intent];
      return done(result, to, key, { name: person.name });
    }
    default:
      throw new Response("error.400", { status: 400 });
  }
}

export default function Members() {
  const { agency, canManage, confirm, handover, view, manage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const here = `/instansi/${agency.id}/anggota`;
  const handoverReply = actionData?.intent === "handover" ? actionData : undefined;
  const successors = handover?.successors ?? handoverReply?.successors;
  return (
    <div>
      <PageHeader
        eyebrow={agency.short_name}
        title={t("member.title")}
        description={agency.name}
        actions={<ButtonLink to={`/instansi/${agency.id}`}>{t("member.backToAgency")}</ButtonLink>}
      />
      {confirm ? (
        <ConfirmStep confirm={confirm} cancelTo={here} />
      ) : successors ? (
        <HandoverStep successors={successors} lastResult={handoverReply?.result} cancelTo={here} />
      ) : view ? (
        <div className={canManage ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" : ""}>
          <div className="min-w-0 space-y-6">
            {manage?.requests.length ? <JoinRequests requests={manage.requests} here={here} domain={agency.email_domain} /> : null}
            <MemberList agency={agency} view={view} manage={manage} here={here} />
          </div>
          {manage ? (
            <div className="space-y-6">
              <InviteCard lastResult={actionData?.intent === "invite" ? actionData.result : undefined} resetKey={manage.invitations[0]?.id ?? "none"} />
              <InvitationsCard invitations={manage.invitations} here={here} now={manage.now} />
              {manage.canHandOver ? <HandoverCard to={`${here}?aksi=${HANDOVER_SLUG}`} /> : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
