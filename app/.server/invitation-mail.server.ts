// The invitation e-mail sent by the coordinator's pages (agency admins, network roles). The invitee
// has no account, hence no language of their own yet: the message is Indonesian, from the catalogue
// keys notify.invitation.title/body, and goes through the one mailer shaped like notify()'s e-mails.
import type { DB } from "#db/connection";
import { translate } from "~/i18n";
import { getNetwork } from "~/models/network.server";
import { getProfile } from "~/models/user.server";
import { sendMail } from "./mailer.server";

export async function sendInvitationMail(
  db: DB,
  input: { to: string; link: string; roleLabel: string; inviterId: string },
): Promise<void> {
  const [network, inviter] = await Promise.all([getNetwork(db), getProfile(db, input.inviterId)]);
  const params = {
    network: network?.name ?? "Sinergi",
    inviter: inviter?.name ?? translate("id", "network.secretariat"),
    role: input.roleLabel,
  };
  await sendMail(db, {
    to: input.to,
    subject: `[Sinergi] ${translate("id", "notify.invitation.title", params)}`,
    text: `${translate("id", "notify.invitation.body", params)}\n\n${input.link}\n\n— Sinergi`,
  });
}
