import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makeNetwork, makePerson } from "#seeds/factories";
import { fakeClock, testDb } from "#tests/helpers/db";
import { acceptInvitation, createInvitation, findInvitation, INVITATION_TTL_MS, revokeInvitation } from "./invitation.server";
import { authenticate } from "./user.server";

let db: DB;
let inviter: string;
let agencyId: string;
beforeAll(async () => {
  db = await testDb();
  await makeNetwork(db, { timeZone: "Asia/Jakarta" });
  agencyId = await makeAgency(db, { name: "Dinas Kominfo Kota Pelabuhan Baru", timeZone: "Asia/Makassar" });
  inviter = await makePerson(db, { name: "Dra. Siti Aminah", roles: ["koordinator"] });
});
afterAll(() => db.destroy());

const userCount = async () => Number((await db.selectFrom("user").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

describe("invitation states", () => {
  it("an open invitation names the inviter, agency and role; the token is stored only hashed", async () => {
    const { token } = await createInvitation(db, { email: "Baru@Pelabuhan.test", name: "Andi Baru", agencyId, agencyRole: "admin", invitedBy: inviter });
    const { state, invitation } = await findInvitation(db, token);
    expect(state).toBe("open");
    expect(invitation).toMatchObject({ email: "baru@pelabuhan.test", name: "Andi Baru", agency_name: "Dinas Kominfo Kota Pelabuhan Baru", agency_role: "admin", inviter_name: "Dra. Siti Aminah", agency_time_zone: "Asia/Makassar" });
    const rows = await db.selectFrom("invitation").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("expires after 7 days", async () => {
    const clock = fakeClock("2026-04-01T00:00:00Z");
    const { token } = await createInvitation(db, { email: "lama@sinergi.test", agencyId, invitedBy: inviter }, clock);
    clock.advance(INVITATION_TTL_MS - 1000);
    expect((await findInvitation(db, token, clock)).state).toBe("open");
    clock.advance(2000);
    expect((await findInvitation(db, token, clock)).state).toBe("expired");
    const before = await userCount();
    expect(await acceptInvitation(db, token, { name: "Lama", password: "kata-sandi-panjang" }, clock)).toEqual({ ok: false, error: "invitation.expired" });
    expect(await userCount()).toBe(before);
  });

  it("revoked by the admin, superseded by a newer invitation, or of a deactivated agency reads as revoked", async () => {
    const a = await createInvitation(db, { email: "batal@sinergi.test", agencyId, invitedBy: inviter });
    expect(await revokeInvitation(db, a.id, { agencyId })).toBe(true);
    expect((await findInvitation(db, a.token)).state).toBe("revoked");
    expect(await acceptInvitation(db, a.token, { name: "Batal", password: "kata-sandi-panjang" })).toEqual({ ok: false, error: "invitation.revoked" });

    const first = await createInvitation(db, { email: "ulang@sinergi.test", agencyId, invitedBy: inviter });
    const second = await createInvitation(db, { email: "ulang@sinergi.test", agencyId, invitedBy: inviter });
    expect((await findInvitation(db, first.token)).state).toBe("revoked");
    expect((await findInvitation(db, second.token)).state).toBe("open");

    const closed = await makeAgency(db, { active: false });
    const c = await createInvitation(db, { email: "tutup@sinergi.test", agencyId: closed, invitedBy: inviter });
    expect((await findInvitation(db, c.token)).state).toBe("revoked");
  });

  it("an unknown or absurd token is unknown", async () => {
    expect((await findInvitation(db, "tidak-ada")).state).toBe("unknown");
    expect((await findInvitation(db, "")).state).toBe("unknown");
    expect((await findInvitation(db, "x".repeat(500))).state).toBe("unknown");
    expect(await acceptInvitation(db, "tidak-ada", { name: "X", password: "kata-sandi-panjang" })).toEqual({ ok: false, error: "invitation.unknown" });
  });
});

describe("accepting", () => {
  it("creates an active account with the invited role and zone; a second acceptance fails and changes nothing", async () => {
    const { token } = await createInvitation(db, { email: "terima@sinergi.test", agencyId, agencyRole: "admin", invitedBy: inviter });
    const r = await acceptInvitation(db, token, { name: "Nurhayati Said", password: "kata-sandi-panjang" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const user = await db.selectFrom("user").selectAll().where("id", "=", r.userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: "terima@sinergi.test", name: "Nurhayati Said", status: "active", agency_id: agencyId, agency_role: "admin", time_zone: "Asia/Makassar" });
    expect(await authenticate(db, "terima@sinergi.test", "kata-sandi-panjang")).toEqual({ ok: true, userId: r.userId });
    const inv = await db.selectFrom("invitation").selectAll().where("email", "=", "terima@sinergi.test").executeTakeFirstOrThrow();
    expect(inv.accepted_user_id).toBe(r.userId);
    expect((await findInvitation(db, token)).state).toBe("used");

    const before = await userCount();
    expect(await acceptInvitation(db, token, { name: "Penyusup", password: "kata-sandi-lain-sekali" })).toEqual({ ok: false, error: "invitation.used" });
    expect(await userCount()).toBe(before);
    expect(await authenticate(db, "terima@sinergi.test", "kata-sandi-lain-sekali")).toMatchObject({ ok: false });
    const again = await db.selectFrom("user").select("name").where("id", "=", r.userId).executeTakeFirstOrThrow();
    expect(again.name).toBe("Nurhayati Said");
  });

  it("uses the chosen time zone and grants a network role", async () => {
    const { token } = await createInvitation(db, { email: "fasil@sinergi.test", networkRole: "fasilitator", invitedBy: inviter });
    const r = await acceptInvitation(db, token, { name: "Made Ayu", password: "kata-sandi-panjang", timeZone: "Asia/Jayapura" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const user = await db.selectFrom("user").select(["time_zone", "agency_id"]).where("id", "=", r.userId).executeTakeFirstOrThrow();
    expect(user).toEqual({ time_zone: "Asia/Jayapura", agency_id: null });
    const roles = await db.selectFrom("network_role").select("role").where("user_id", "=", r.userId).execute();
    expect(roles.map((x) => x.role)).toEqual(["fasilitator"]);
  });

  it("refuses an e-mail that already has an account and leaves the invitation open", async () => {
    await makePerson(db, { email: "sudah.ada@sinergi.test", name: "Sudah Ada" });
    const { token } = await createInvitation(db, { email: "sudah.ada@sinergi.test", agencyId, invitedBy: inviter });
    const before = await userCount();
    expect(await acceptInvitation(db, token, { name: "Orang Lain", password: "kata-sandi-panjang" })).toEqual({ ok: false, error: "invitation.emailTaken" });
    expect(await userCount()).toBe(before);
    expect((await findInvitation(db, token)).state).toBe("open");
    expect(await authenticate(db, "sudah.ada@sinergi.test", "sinergi-demo")).toMatchObject({ ok: true });
  });

  it("two simultaneous acceptances create one account", async () => {
    const { token } = await createInvitation(db, { email: "balapan@sinergi.test", agencyId, invitedBy: inviter });
    const results = await Promise.all([
      acceptInvitation(db, token, { name: "Tab Satu", password: "kata-sandi-panjang" }),
      acceptInvitation(db, token, { name: "Tab Dua", password: "kata-sandi-panjang" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const users = await db.selectFrom("user").select("id").where("email", "=", "balapan@sinergi.test").execute();
    expect(users).toHaveLength(1);
  });
});
