import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makePerson } from "#seeds/factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import { verifyPassword } from "~/.server/password.server";
import { authenticate } from "./user.server";
import { createPasswordReset, findPasswordReset, PASSWORD_RESET_TTL_MS, requestPasswordReset, resetPassword } from "./password-reset.server";
import { createSession, listUserSessions } from "./session.server";

let db: DB;
beforeAll(async () => {
  db = await testDb();
});
afterAll(() => db.destroy());

const outboxFor = (to: string) => db.selectFrom("email_outbox").selectAll().where("to_address", "=", to).execute();

describe("requesting a reset", () => {
  it("e-mails an active person a link whose token is stored only as a hash", async () => {
    await makePerson(db, { email: "lupa@sinergi.test", name: "Dewi Lupa" });
    const sent = await requestPasswordReset(db, "  Lupa@Sinergi.test ", (t) => `http://x.test/atur-ulang-sandi/${t}`);
    expect(sent).toBe(true);
    const [mail] = await outboxFor("lupa@sinergi.test");
    expect(mail.subject).toContain("Atur ulang kata sandi");
    expect(mail.text_body).toContain("Halo Dewi Lupa");
    const token = /atur-ulang-sandi\/(\w+)/.exec(mail.text_body)![1];
    const rows = await db.selectFrom("password_reset").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await findPasswordReset(db, token)).state).toBe("open");
  });

  it("writes the e-mail in the person's language", async () => {
    await makePerson(db, { email: "english@sinergi.test", locale: "en" });
    await requestPasswordReset(db, "english@sinergi.test", (t) => `http://x.test/${t}`);
    const [mail] = await outboxFor("english@sinergi.test");
    expect(mail.subject).toContain("Reset your Sinergi password");
  });

  it("sends nothing for an unknown, pending or deactivated address", async () => {
    await makePerson(db, { email: "tunggu@sinergi.test", status: "pending" });
    await makePerson(db, { email: "mati@sinergi.test", status: "deactivated" });
    for (const e of ["tidak.ada@sinergi.test", "tunggu@sinergi.test", "mati@sinergi.test"]) {
      expect(await requestPasswordReset(db, e, (t) => t)).toBe(false);
      expect(await outboxFor(e)).toHaveLength(0);
    }
  });
});

describe("using the link", () => {
  it("expires after one hour", async () => {
    const clock = fakeClock("2026-03-01T02:00:00Z");
    await makePerson(db, { email: "kedaluwarsa@sinergi.test" });
    const { token } = (await createPasswordReset(db, "kedaluwarsa@sinergi.test", clock))!;
    clock.advance(PASSWORD_RESET_TTL_MS - 1000);
    expect((await findPasswordReset(db, token, clock)).state).toBe("open");
    clock.advance(2000);
    expect((await findPasswordReset(db, token, clock)).state).toBe("expired");
    expect(await resetPassword(db, token, "kata-sandi-baru-1", clock)).toEqual({ ok: false, error: "account.reset.expired" });
    expect(await authenticate(db, "kedaluwarsa@sinergi.test", "kata-sandi-baru-1")).toMatchObject({ ok: false });
  });

  it("sets the new password, ends every session, and works only once", async () => {
    const userId = await makePerson(db, { email: "sekali@sinergi.test" });
    await createSession(db, userId, { userAgent: "laptop" });
    await createSession(db, userId, { userAgent: "ponsel" });
    const { token } = (await createPasswordReset(db, "sekali@sinergi.test"))!;
    expect(await resetPassword(db, token, "kata-sandi-baru-2")).toEqual({ ok: true, userId });
    expect(await listUserSessions(db, userId)).toHaveLength(0);
    expect(await authenticate(db, "sekali@sinergi.test", "kata-sandi-baru-2")).toEqual({ ok: true, userId });
    expect(await authenticate(db, "sekali@sinergi.test", "sinergi-demo")).toMatchObject({ ok: false });
    const hash = (await db.selectFrom("user").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow()).password_hash!;
    expect(hash.startsWith("$argon2id$")).toBe(true);

    expect((await findPasswordReset(db, token)).state).toBe("used");
    expect(await resetPassword(db, token, "kata-sandi-ketiga")).toEqual({ ok: false, error: "account.reset.used" });
    expect(await verifyPassword(hash, "kata-sandi-baru-2")).toBe(true);
    const after = (await db.selectFrom("user").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow()).password_hash;
    expect(after).toBe(hash);
  });

  it("asking again invalidates the earlier links", async () => {
    await makePerson(db, { email: "dua.kali@sinergi.test" });
    const first = (await createPasswordReset(db, "dua.kali@sinergi.test"))!;
    const second = (await createPasswordReset(db, "dua.kali@sinergi.test"))!;
    expect((await findPasswordReset(db, first.token)).state).toBe("expired");
    expect(await resetPassword(db, first.token, "kata-sandi-lama-1")).toMatchObject({ ok: false });
    expect((await findPasswordReset(db, second.token)).state).toBe("open");
    expect(await resetPassword(db, second.token, "kata-sandi-baru-3")).toMatchObject({ ok: true });
  });

  it("an unknown or absurd token is unknown; a person deactivated since cannot reset", async () => {
    expect((await findPasswordReset(db, "tidak-ada")).state).toBe("unknown");
    expect((await findPasswordReset(db, "x".repeat(500))).state).toBe("unknown");
    const userId = await makePerson(db, { email: "berhenti@sinergi.test" });
    const { token } = (await createPasswordReset(db, "berhenti@sinergi.test"))!;
    await db.updateTable("user").set({ status: "deactivated" }).where("id", "=", userId).execute();
    expect(await resetPassword(db, token, "kata-sandi-baru-4")).toEqual({ ok: false, error: "account.reset.unknown" });
  });
});
