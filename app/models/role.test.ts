import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makeNetwork, makePerson } from "#seeds/factories";
import { testDb } from "#tests/helpers/db";
import { listAudit } from "./audit.server";
import {
  countActiveCoordinators, grantRole, inviteWithRole, listNetworkInvitations, listRoleHolders, revokeNetworkInvitation, revokeRole,
} from "./role.server";

let db: DB;
let agencyId: string;
let boss: string;
const actor = () => ({ id: boss, ip: "10.0.0.2" });

beforeAll(async () => {
  db = await testDb();
  agencyId = await makeAgency(db, { name: "Diskominfo Peran" });
  await makeNetwork(db, { name: "Bakohumas Uji", coordinatingAgencyId: agencyId });
  boss = await makePerson(db, { agencyId, roles: ["koordinator"], name: "Siti Koordinator", email: "siti@sinergi.test" });
});
afterAll(() => db.destroy());

describe("granting network roles", () => {
  it("gives a role to an existing active person found by e-mail (any case) and audits it", async () => {
    const made = await makePerson(db, { agencyId, email: "made@sinergi.test", name: "Made Fasilitator" });
    const r = await grantRole(db, { email: " MADE@sinergi.test ", role: "fasilitator" }, actor());
    expect(r).toEqual({ ok: true, userId: made, name: "Made Fasilitator" });
    const holders = await listRoleHolders(db);
    expect(holders.find((h) => h.user_id === made)).toMatchObject({ role: "fasilitator", agency_short_name: expect.any(String) });
    const entry = (await listAudit(db, { action: "role.grant" })).rows[0];
    expect(JSON.parse(entry.detail)).toMatchObject({ role: "fasilitator", email: "made@sinergi.test" });
  });

  it("refuses an unknown address, an inactive person and a role already held", async () => {
    await makePerson(db, { email: "nonaktif@sinergi.test", status: "deactivated" });
    expect(await grantRole(db, { email: "siapa@sinergi.test", role: "pimpinan" }, actor())).toEqual({ ok: false, error: "roles.personNotFound" });
    expect(await grantRole(db, { email: "nonaktif@sinergi.test", role: "pimpinan" }, actor())).toEqual({ ok: false, error: "roles.personInactive" });
    expect(await grantRole(db, { email: "siti@sinergi.test", role: "koordinator" }, actor())).toEqual({ ok: false, error: "roles.alreadyHeld" });
  });
});

describe("revoking network roles", () => {
  it("never leaves the network without an active koordinator", async () => {
    expect(await countActiveCoordinators(db)).toBe(1);
    expect(await revokeRole(db, { userId: boss, role: "koordinator" }, actor())).toEqual({ ok: false, error: "roles.lastCoordinator" });
    // A deactivated koordinator does not count as the second one.
    const gone = await makePerson(db, { roles: ["koordinator"], status: "deactivated" });
    expect(await revokeRole(db, { userId: boss, role: "koordinator" }, actor())).toEqual({ ok: false, error: "roles.lastCoordinator" });
    // …and can lose the role without affecting anything.
    expect(await revokeRole(db, { userId: gone, role: "koordinator" }, actor())).toEqual({ ok: true });
    // With a second active koordinator, one may go; then the other is the last again.
    const second = await makePerson(db, { roles: ["koordinator"], email: "kedua@sinergi.test" });
    expect(await countActiveCoordinators(db)).toBe(2);
    expect(await revokeRole(db, { userId: second, role: "koordinator" }, actor())).toEqual({ ok: true });
    expect(await revokeRole(db, { userId: boss, role: "koordinator" }, actor())).toEqual({ ok: false, error: "roles.lastCoordinator" });
    expect(await countActiveCoordinators(db)).toBe(1);
    const revokes = (await listAudit(db, { action: "role.revoke" })).rows.map((r) => JSON.parse(r.detail).email);
    expect(revokes).toContain("kedua@sinergi.test");
  });

  it("revokes other roles freely and reports a role that is not held", async () => {
    const p = await makePerson(db, { roles: ["pimpinan"] });
    expect(await revokeRole(db, { userId: p, role: "pimpinan" }, actor())).toEqual({ ok: true });
    expect(await revokeRole(db, { userId: p, role: "pimpinan" }, actor())).toEqual({ ok: false, error: "roles.notHeld" });
  });
});

describe("inviting a new person with a role", () => {
  it("creates a network invitation and e-mails the link", async () => {
    const r = await inviteWithRole(db, { email: "baru@pemda.go.id", name: "Orang Baru", role: "pimpinan" }, actor(), (t) => `http://sinergi.test/undangan/${t}`);
    expect(r.ok).toBe(true);
    const open = await listNetworkInvitations(db);
    expect(open.map((i) => [i.email, i.network_role])).toContainEqual(["baru@pemda.go.id", "pimpinan"]);
    const mail = await db.selectFrom("email_outbox").selectAll().where("to_address", "=", "baru@pemda.go.id").executeTakeFirstOrThrow();
    expect(mail.text_body).toContain("Siti Koordinator mengundang Anda bergabung ke Bakohumas Uji sebagai Pimpinan");
    expect(mail.text_body).toMatch(/\/undangan\/[a-z0-9]+/);
    expect((await listAudit(db, { action: "invitation.create" })).total).toBe(1);
    const inv = open.find((i) => i.email === "baru@pemda.go.id")!;
    expect(await revokeNetworkInvitation(db, inv.id, actor())).toBe(true);
    expect((await listNetworkInvitations(db)).some((i) => i.id === inv.id)).toBe(false);
  });

  it("refuses an address that already has an account", async () => {
    expect(await inviteWithRole(db, { email: "siti@sinergi.test", role: "fasilitator" }, actor(), (t) => t)).toEqual({ ok: false, error: "roles.emailTaken" });
  });
});
