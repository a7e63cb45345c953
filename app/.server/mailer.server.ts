// The one mailer. With SMTP_URL set, nodemailer sends; without it, every message is kept in the
// outbox table, which the coordinator can read in the app, so the demo works with no mail server.
// Either way the message is recorded in the outbox first, so nothing is lost if SMTP is down.
import nodemailer from "nodemailer";
import type { DB } from "#db/connection";
import { createId, nowIso } from "./crypto.server";
import { env } from "./env.server";

export interface Mail { to: string; subject: string; text: string }

let transport: nodemailer.Transporter | null | undefined;
function smtp() {
  if (transport === undefined) transport = env().SMTP_URL ? nodemailer.createTransport(env().SMTP_URL) : null;
  return transport;
}

export async function sendMail(db: DB, mail: Mail): Promise<void> {
  const id = createId();
  const t = smtp();
  await db
    .insertInto("email_outbox")
    .values({ id, to_address: mail.to, subject: mail.subject, text_body: mail.text, transport: t ? "smtp" : "outbox", created_at: nowIso() })
    .execute();
  if (!t) return;
  try {
    await t.sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    await db.updateTable("email_outbox").set({ sent_at: nowIso() }).where("id", "=", id).execute();
  } catch (e) {
    await db.updateTable("email_outbox").set({ error: String(e).slice(0, 500) }).where("id", "=", id).execute();
  }
}

/** Absolute links in e-mails. PUBLIC_URL when set. Without it, the request's own origin is used
 *  only when it is a loopback address (the demo on one machine); any other Host header could be
 *  forged to point a password-reset link at someone else's site, so it falls back to localhost. */
export function absoluteUrl(request: Request | null, path: string): string {
  const configured = env().PUBLIC_URL;
  if (configured) return new URL(path, configured).toString();
  const fallback = `http://localhost:${process.env.PORT ?? 3000}`;
  if (!request) return new URL(path, fallback).toString();
  const origin = new URL(request.url);
  const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(origin.hostname);
  return new URL(path, loopback ? origin.origin : fallback).toString();
}
