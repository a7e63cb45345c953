import type { invitation as id } from "../id/invitation";

export const invitation: Record<keyof typeof id, string> = {
  "invitation.expired": "This invitation link has expired. Ask the admin to send a new one.",
  "invitation.used": "This invitation link has already been used. Please sign in with your account.",
  "invitation.revoked": "This invitation was cancelled. Contact the admin who invited you.",
  "invitation.unknown": "Unknown invitation link. Check the link in your e-mail.",
  "invitation.emailTaken": "This e-mail address is already registered. Please sign in with that account.",
  "notify.invitation.title": "Invitation to join {network}",
  "notify.invitation.body": "{inviter} invited you to join {network} as {role}. Open the link below to set your name and password. The link is valid for 7 days and can be used once.",
};
