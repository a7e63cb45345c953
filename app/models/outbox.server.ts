// The e-mail outbox as the coordinator reads it: every message the one mailer recorded (see
// ~/.server/mailer.server), newest first, optionally for one address.
import type { DB } from "#db/connection";

export const OUTBOX_PAGE_SIZE = 20;

export async function listOutbox(db: DB, f: { to?: string; page?: number; pageSize?: number } = {}) {
  const pageSize = f.pageSize ?? OUTBOX_PAGE_SIZE;
  const page = Math.max(1, Math.floor(f.page ?? 1));
  let q = db.selectFrom("email_outbox");
  if (f.to) q = q.where("to_address", "=", f.to.trim().toLowerCase());
  const [rows, total] = await Promise.all([
    q
      .select(["id", "to_address", "subject", "text_body", "transport", "created_at", "sent_at", "error"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const count = Number(total.n);
  return { rows, total: count, page, pageSize, pages: Math.max(1, Math.ceil(count / pageSize)) };
}
