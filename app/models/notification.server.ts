// Notifications: the one `notify()` service. It records the notification for the in-app list and
// sends the e-mail through the one mailer, both rendered from the catalogue in the recipient's
// language (keys `notify.<kind>.title` / `notify.<kind>.body`). Later features add kinds, not paths.
import { reusableQuery, type DB } from "#db/connection";
import { createId, nowIso } from "~/.server/crypto.server";
import { sendMail } from "~/.server/mailer.server";
import { translate, parseLocale, type TParams } from "~/i18n";

export interface NotifyInput {
  userId: string;
  kind: string;
  params?: TParams;
  /** an app path such as /instansi/abc; e-mails make it absolute with `baseUrl` */
  link?: string | null;
  email?: boolean;
  baseUrl?: string;
}

export async function notify(db: DB, input: NotifyInput): Promise<void> {
  const user = await db
    .selectFrom("user")
    .select(["email", "locale", "status"])
    .where("id", "=", input.userId)
    .executeTakeFirst();
  if (!user || user.status === "removed") return;
  await db
    .insertInto("notification")
    .values({
      id: createId(),
      user_id: input.userId,
      kind: input.kind,
      params: JSON.stringify(input.params ?? {}),
      link: input.link ?? null,
      created_at: nowIso(),
    })
    .execute();
  if (input.email === false || user.status !== "active") return;
  const locale = parseLocale(user.locale);
  const subject = translate(locale, `notify.${input.kind}.title`, input.params);
  const body = translate(locale, `notify.${input.kind}.body`, input.params);
  const link = input.link ? `\n\n${new URL(input.link, input.baseUrl ?? "http://localhost:3000").toString()}` : "";
  await sendMail(db, { to: user.email, subject: `[Sinergi] ${subject}`, text: `${body}${link}\n\n— Sinergi` });
}

// Shown in the header of every page: compiled once (see reusableQuery).
const unreadQuery = reusableQuery((db, userId: string) =>
  db.selectFrom("notification").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", userId).where("read_at", "is", null),
);

export async function countUnread(db: DB, userId: string): Promise<number> {
  const [r] = await unreadQuery(db, userId);
  return Number(r?.n ?? 0);
}

export async function listNotifications(db: DB, userId: string, { limit = 30, offset = 0 } = {}) {
  const rows = await db
    .selectFrom("notification")
    .select(["id", "kind", "params", "link", "created_at", "read_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ ...r, params: safeParams(r.params) }));
}

export async function markRead(db: DB, userId: string, ids: string[] | "all"): Promise<void> {
  let q = db.updateTable("notification").set({ read_at: nowIso() }).where("user_id", "=", userId).where("read_at", "is", null);
  if (ids !== "all") {
    if (ids.length === 0) return;
    q = q.where("id", "in", ids);
  }
  await q.execute();
}

function safeParams(s: string): TParams {
  try {
    const v = JSON.parse(s);
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

/** Marks one of the person's notifications read and returns where it points (null when it is not
 *  theirs or has no link). */
export async function openNotification(db: DB, userId: string, id: string): Promise<{ found: boolean; link: string | null }> {
  const row = await db.selectFrom("notification").select(["link"]).where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  if (!row) return { found: false, link: null };
  await markRead(db, userId, [id]);
  return { found: true, link: row.link };
}
