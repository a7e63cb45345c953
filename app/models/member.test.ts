import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makeNetwork, makePerson } from "#seeds/factories";
import { testDb } from "#tests/helpers/db";
import { createInvitation } from "./invitation.server";
import {
  MEMBERS_PAGE_SIZE,
  approveJoinRequest, countActiveAdmins, deactivateMember, demoteAdmin, handOverAdmin, inviteMember, listJoinRequests,
  listMembers, memberListPage, membersQuery, promoteToAdmin, reactivateMember, rejectJoinRequest, signUp,
} from "./member.server";
import { createSession, validateSessionToken } from "./session.server";
import { authenticate } from "./user.server";

const DAY = 24 * 60 * 60 * 1000;
const mail = { baseUrl: "http://sinergi.test" };
let db: DB;

beforeAll(async () => {
  db = await testDb();
  await makeNetwork(db, { name: "Bakohumas Uji" });
});
afterAll(() => db.destroy());

const user = (id: string) => db.selectFrom("user").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const auditOf = (action: string, targetId: string) =>
  db.selectFrom("audit_log").selectAll().where("action", "=", action).where("target_id", "=", targetId).execute();
const notificationsOf = (userId: string) =>
  db.selectFrom("notification").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();

/** An agency with one admin and two members. */
async function agencyWithPeople(domain: string | null = null) {
  const agencyId = await makeAgency(db, { name: `Dinas ${domain ?? "Tanpa Domain"}`, emailDomain: domain });
  const admin = await makePerson(db, { agencyId, agencyRole: "admin", name: "Admin Lama" });
  const m1 = await makePerson(db, { agencyId, name: "Budi Anggota" });
  const m2 = await makePerson(db, { agencyId, name: "Citra Anggota" });
  return { agencyId, admin, m1, m2 };
}

describe("sign-up with an agency e-mail", () => {
  it("an address on an active agency's domain becomes a pending member with a join request, and the admins are told", async () => {
    const { agencyId, admin } = await agencyWithPeople("dinkes-a.test");
    const r = await signUp(db, { name: "Rani Baru", email: "Rani@DINKES-A.test", password: "kata-sandi-panjang" }, mail);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.agencyId).toBe(agencyId);
    const u = await user(r.userId);
    expect(u).toMatchObject({ email: "rani@dinkes-a.test", status: "pending", agency_id: agencyId, agency_role: "member" });
    expect(await listJoinRequests(db, agencyId)).toEqual([expect.objectContaining({ name: "Rani Baru", email: "rani@dinkes-a.test" })]);
    const notes = await notificationsOf(admin);
    expect(notes.at(-1)).toMatchObject({ kind: "member.joinRequest", link: `/instansi/${agencyId}/anggota#permintaan` });
    expect(JSON.parse(notes.at(-1)!.params)).toMatchObject({ name: "Rani Baru", email: "rani@dinkes-a.test" });
    // Still pending: cannot sign in yet.
    expect(await authenticate(db, "rani@dinkes-a.test", "kata-sandi-panjang")).toEqual({ ok: false, error: "login.pending" });
  });

  it("a deactivated agency's domain and an unknown domain create nothing", async () => {
    await makeAgency(db, { emailDomain: "tutup.test", active: false });
    const before = await db.selectFrom("user").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    for (const email of ["a@tutup.test", "b@gmail.test", "c@sub.dinkes-a.test"]) {
      expect(await signUp(db, { name: "Siapa", email, password: "kata-sandi-panjang" }, mail)).toEqual({
        ok: false, field: "email", error: "signup.unknownDomain",
      });
    }
    const after = await db.selectFrom("user").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("an address that already has an account is refused as taken", async () => {
    await makePerson(db, { email: "ada@dinkes-a.test" });
    expect(await signUp(db, { name: "Dua Kali", email: "ADA@dinkes-a.test", password: "kata-sandi-panjang" }, mail)).toEqual({
      ok: false, field: "email", error: "signup.emailTaken",
    });
  });

  it("an agency without an active admin sends the request to the coordinators", async () => {
    await makeAgency(db, { emailDomain: "tanpa-admin.test" });
    const koordinator = await makePerson(db, { roles: ["koordinator"] });
    const r = await signUp(db, { name: "Tono", email: "tono@tanpa-admin.test", password: "kata-sandi-panjang" }, mail);
    expect(r.ok).toBe(true);
    expect((await notificationsOf(koordinator)).map((n) => n.kind)).toContain("member.joinRequest");
  });
});

describe("join requests", () => {
  it("approval makes the person an active member who can sign in, tells them and is audited", async () => {
    const { agencyId, admin } = await agencyWithPeople("setuju.test");
    const s = await signUp(db, { name: "Dewi Setuju", email: "dewi@setuju.test", password: "kata-sandi-panjang" }, mail);
    if (!s.ok) throw new Error("sign-up failed");
    const [req] = await listJoinRequests(db, agencyId);
    expect(await approveJoinRequest(db, { id: admin }, agencyId, req.id, mail)).toEqual({ ok: true });
    expect((await user(s.userId)).status).toBe("active");
    expect(await authenticate(db, "dewi@setuju.test", "kata-sandi-panjang")).toEqual({ ok: true, userId: s.userId });
    expect((await notificationsOf(s.userId)).map((n) => n.kind)).toEqual(["member.approved"]);
    expect(await auditOf("member.approve", s.userId)).toHaveLength(1);
    expect(await listJoinRequests(db, agencyId)).toEqual([]);
    // Deciding twice changes nothing.
    expect(await approveJoinRequest(db, { id: admin }, agencyId, req.id, mail)).toEqual({ ok: false, error: "member.error.requestGone" });
  });

  it("rejection keeps the person out, e-mails them and is audited", async () => {
    const { agencyId, admin } = await agencyWithPeople("tolak.test");
    const s = await signUp(db, { name: "Eko Tolak", email: "eko@tolak.test", password: "kata-sandi-panjang" }, mail);
    if (!s.ok) throw new Error("sign-up failed");
    const [req] = await listJoinRequests(db, agencyId);
    expect(await rejectJoinRequest(db, { id: admin }, agencyId, req.id)).toEqual({ ok: true });
    expect((await user(s.userId)).status).toBe("pending");
    expect(await authenticate(db, "eko@tolak.test", "kata-sandi-panjang")).toEqual({ ok: false, error: "login.rejected" });
    const mails = await db.selectFrom("email_outbox").selectAll().where("to_address", "=", "eko@tolak.test").execute();
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain("ditolak");
    expect(await auditOf("member.reject", s.userId)).toHaveLength(1);
  });

  it("an admin cannot decide another agency's request", async () => {
    const a = await agencyWithPeople("satu.test");
    const b = await agencyWithPeople("dua.test");
    const s = await signUp(db, { name: "Fajar Dua", email: "fajar@dua.test", password: "kata-sandi-panjang" }, mail);
    if (!s.ok) throw new Error("sign-up failed");
    const [req] = await listJoinRequests(db, b.agencyId);
    expect(await approveJoinRequest(db, { id: a.admin }, a.agencyId, req.id, mail)).toEqual({ ok: false, error: "member.error.requestGone" });
    expect(await rejectJoinRequest(db, { id: a.admin }, a.agencyId, req.id)).toEqual({ ok: false, error: "member.error.requestGone" });
    expect((await user(s.userId)).status).toBe("pending");
  });
});

describe("deactivation", () => {
  it("ends the person's sessions, keeps their row, and can be undone", async () => {
    const { agencyId, admin, m1 } = await agencyWithPeople();
    const { token } = await createSession(db, m1, {});
    expect(await deactivateMember(db, { id: admin }, agencyId, m1)).toEqual({ ok: true });
    expect((await user(m1)).status).toBe("deactivated");
    expect(await validateSessionToken(db, token, 10 * DAY)).toBeNull();
    expect(await db.selectFrom("session").select("id").where("user_id", "=", m1).execute()).toEqual([]);
    const inactive = await listMembers(db, agencyId, { status: "deactivated" });
    expect(inactive.rows.map((r) => r.id)).toEqual([m1]);
    expect((await listMembers(db, agencyId)).rows.map((r) => r.id)).not.toContain(m1);
    expect(await auditOf("member.deactivate", m1)).toHaveLength(1);
    expect(await reactivateMember(db, { id: admin }, agencyId, m1)).toEqual({ ok: true });
    expect((await user(m1)).status).toBe("active");
    expect(await auditOf("member.activate", m1)).toHaveLength(1);
  });

  it("refuses deactivating yourself and the last active admin", async () => {
    const { agencyId, admin } = await agencyWithPeople();
    const koordinator = await makePerson(db, { roles: ["koordinator"] });
    expect(await deactivateMember(db, { id: admin }, agencyId, admin)).toEqual({ ok: false, error: "member.error.self" });
    expect(await deactivateMember(db, { id: koordinator }, agencyId, admin)).toEqual({ ok: false, error: "member.error.lastAdmin" });
    expect((await user(admin)).status).toBe("active");
  });

  it("deactivating one of two admins demotes them, so they cannot return as a third", async () => {
    const { agencyId, admin, m1 } = await agencyWithPeople();
    await promoteToAdmin(db, { id: admin }, agencyId, m1, mail);
    expect(await deactivateMember(db, { id: admin }, agencyId, m1)).toEqual({ ok: true });
    expect(await user(m1)).toMatchObject({ status: "deactivated", agency_role: "member" });
    expect(await countActiveAdmins(db, agencyId)).toBe(1);
  });

  it("cannot reach a person of another agency", async () => {
    const a = await agencyWithPeople();
    const b = await agencyWithPeople();
    expect(await deactivateMember(db, { id: a.admin }, a.agencyId, b.m1)).toEqual({ ok: false, error: "member.error.notFound" });
    expect(await promoteToAdmin(db, { id: a.admin }, a.agencyId, b.m1, mail)).toEqual({ ok: false, error: "member.error.notFound" });
    expect((await user(b.m1)).status).toBe("active");
  });
});

describe("admin roles", () => {
  it("allows a second admin but not a third, and demotion only while another admin remains", async () => {
    const { agencyId, admin, m1, m2 } = await agencyWithPeople();
    expect(await demoteAdmin(db, { id: admin }, agencyId, admin, mail)).toEqual({ ok: false, error: "member.error.lastAdmin" });
    expect(await promoteToAdmin(db, { id: admin }, agencyId, m1, mail)).toEqual({ ok: true });
    expect((await notificationsOf(m1)).map((n) => n.kind)).toContain("member.promoted");
    expect(await promoteToAdmin(db, { id: admin }, agencyId, m2, mail)).toEqual({ ok: false, error: "member.error.maxAdmins" });
    expect(await countActiveAdmins(db, agencyId)).toBe(2);
    expect(await demoteAdmin(db, { id: admin }, agencyId, m1, mail)).toEqual({ ok: true });
    expect((await user(m1)).agency_role).toBe("member");
    expect(await auditOf("member.promote", m1)).toHaveLength(1);
    expect(await auditOf("member.demote", m1)).toHaveLength(1);
  });
});

describe("admin handover", () => {
  it("flips the roles, keeps the former admin's history and tells both", async () => {
    const { agencyId, admin, m1 } = await agencyWithPeople();
    const { id: invitationId } = await createInvitation(db, { email: "calon@uji.test", agencyId, invitedBy: admin });
    await deactivateMember(db, { id: admin }, agencyId, (await makePerson(db, { agencyId })));
    const historyBefore = await db.selectFrom("audit_log").select("id").where("actor_id", "=", admin).execute();

    expect(await handOverAdmin(db, { id: admin }, { agencyId, successorId: m1, leave: false }, mail)).toEqual({ ok: true });
    expect(await user(m1)).toMatchObject({ agency_role: "admin", status: "active" });
    expect(await user(admin)).toMatchObject({ agency_role: "member", status: "active" });
    const inv = await db.selectFrom("invitation").select("invited_by").where("id", "=", invitationId).executeTakeFirstOrThrow();
    expect(inv.invited_by).toBe(admin);
    const historyAfter = await db.selectFrom("audit_log").select("id").where("actor_id", "=", admin).execute();
    expect(historyAfter.map((h) => h.id)).toEqual(expect.arrayContaining(historyBefore.map((h) => h.id)));
    expect((await notificationsOf(m1)).map((n) => n.kind)).toContain("admin.handoverTo");
    expect((await notificationsOf(admin)).map((n) => n.kind)).toContain("admin.handoverFrom");
    const [entry] = await auditOf("admin.handover", m1);
    expect(entry).toMatchObject({ actor_id: admin, agency_id: agencyId });
    // The former admin no longer holds the role to hand over.
    expect(await handOverAdmin(db, { id: admin }, { agencyId, successorId: m1, leave: false }, mail)).toEqual({
      ok: false, error: "member.error.notAdmin",
    });
  });

  it("a leaving admin is deactivated and signed out, after the farewell e-mail", async () => {
    const { agencyId, admin, m2 } = await agencyWithPeople();
    const adminEmail = (await user(admin)).email;
    const { token } = await createSession(db, admin, {});
    expect(await handOverAdmin(db, { id: admin }, { agencyId, successorId: m2, leave: true }, mail)).toEqual({ ok: true });
    expect(await user(admin)).toMatchObject({ status: "deactivated", agency_role: "member" });
    expect(await user(m2)).toMatchObject({ agency_role: "admin" });
    expect(await validateSessionToken(db, token, 10 * DAY)).toBeNull();
    const farewell = await db.selectFrom("email_outbox").select("subject").where("to_address", "=", adminEmail).execute();
    expect(farewell.map((m) => m.subject).join()).toContain("Serah terima");
  });

  it("refuses a successor from another agency or yourself", async () => {
    const a = await agencyWithPeople();
    const b = await agencyWithPeople();
    expect(await handOverAdmin(db, { id: a.admin }, { agencyId: a.agencyId, successorId: b.m1, leave: false }, mail)).toEqual({
      ok: false, error: "member.error.notFound",
    });
    expect(await handOverAdmin(db, { id: a.admin }, { agencyId: a.agencyId, successorId: a.admin, leave: false }, mail)).toEqual({
      ok: false, error: "member.error.self",
    });
    expect((await user(a.admin)).agency_role).toBe("admin");
  });
});

describe("invitations by an agency admin", () => {
  it("e-mails a single-use /undangan/ link and audits it; an address with an account is refused", async () => {
    const { agencyId, admin, m1 } = await agencyWithPeople();
    const r = await inviteMember(db, { id: admin }, { agencyId, email: "Petugas.Baru@uji.test", name: "Petugas Baru" }, (tok) => `http://sinergi.test/undangan/${tok}`);
    expect(r.ok).toBe(true);
    const [m] = await db.selectFrom("email_outbox").selectAll().where("to_address", "=", "petugas.baru@uji.test").execute();
    expect(m.text_body).toMatch(/http:\/\/sinergi\.test\/undangan\/[a-z0-9]+/);
    expect(m.text_body).toContain("Admin Lama");
    expect(await db.selectFrom("audit_log").select("id").where("action", "=", "invitation.create").where("actor_id", "=", admin).execute()).toHaveLength(1);
    const taken = await inviteMember(db, { id: admin }, { agencyId, email: (await user(m1)).email }, (tok) => tok);
    expect(taken).toEqual({ ok: false, field: "email", error: "member.invite.emailTaken" });
  });
});

describe("the member list", () => {
  it("pages MEMBERS_PAGE_SIZE (20) at a time in name order and searches by part of a name", async () => {
    const agencyId = await makeAgency(db);
    for (let i = 0; i < 35; i++) {
      await makePerson(db, { agencyId, name: `Pegawai ${String(i).padStart(2, "0")}` });
    }
    await makePerson(db, { agencyId, name: "Yohana Khusus" });
    const p1 = await listMembers(db, agencyId);
    expect(p1.total).toBe(36);
    expect(MEMBERS_PAGE_SIZE).toBe(20);
    expect(p1.rows).toHaveLength(20);
    expect(p1.rows[0].name).toBe("Pegawai 00");
    const p2 = await listMembers(db, agencyId, { page: 2 });
    expect(p2.rows).toHaveLength(16);
    expect(p2.rows[0].name).toBe("Pegawai 20");
    expect(p2.rows.at(-1)!.name).toBe("Yohana Khusus");
    const found = await listMembers(db, agencyId, { q: "khusus" });
    expect(found.rows.map((r) => r.name)).toEqual(["Yohana Khusus"]);
    expect((await listMembers(db, agencyId, { q: "%" })).total).toBe(36);
  });

  it("gives the member page one page of people, the tab counts, and the admin count only to a manager", async () => {
    const { agencyId, admin, m1 } = await agencyWithPeople();
    await makePerson(db, { agencyId, name: "Dedi Khusus" });
    await deactivateMember(db, { id: admin }, agencyId, m1);
    const page = await memberListPage(db, agencyId);
    expect(page.rows.map((r) => r.name)).toEqual(["Admin Lama", "Citra Anggota", "Dedi Khusus"]);
    expect(page.rows[0]).toMatchObject({ isAdmin: true });
    expect(Object.keys(page.rows[0]).sort()).toEqual(["deactivated_at", "email", "functional_level", "id", "isAdmin", "name", "position"]);
    expect(page).toMatchObject({ total: 3, counts: { active: 3, deactivated: 1 }, adminCount: null });
    expect(await memberListPage(db, agencyId, { withAdmins: true })).toMatchObject({ adminCount: 1 });
    const inactive = await memberListPage(db, agencyId, { status: "deactivated" });
    expect(inactive).toMatchObject({ total: 1, rows: [{ name: "Budi Anggota" }] });
    const found = await memberListPage(db, agencyId, { q: " khusus " });
    expect(found).toMatchObject({ total: 1, rows: [{ name: "Dedi Khusus" }], counts: { active: 3, deactivated: 1 } });
  });

  it("keeps the page, the admin count and the join requests only until what they read is written", async () => {
    const { agencyId, admin, m1 } = await agencyWithPeople("kept.test");
    const first = await memberListPage(db, agencyId, { withAdmins: true });
    expect(await memberListPage(db, agencyId, { withAdmins: true })).toEqual(first);
    expect(await listJoinRequests(db, agencyId)).toEqual([]);
    await db.updateTable("user").set({ name: "Budi Berganti Nama" }).where("id", "=", m1).execute();
    await promoteToAdmin(db, { id: admin }, agencyId, m1, mail);
    const after = await memberListPage(db, agencyId, { withAdmins: true });
    expect(after.rows.map((r) => r.name)).toContain("Budi Berganti Nama");
    expect(after.adminCount).toBe(2);
    await signUp(db, { name: "Rina Baru", email: "rina.baru@kept.test", password: "kata-sandi-panjang-1" }, mail);
    expect((await listJoinRequests(db, agencyId)).map((r) => r.email)).toEqual(["rina.baru@kept.test"]);
  });

  it("reads through the (agency_id, status, name) index, so 20,000 people do not slow it down", async () => {
    const big = await testDb();
    const agencyIds: string[] = [];
    for (let a = 0; a < 100; a++) agencyIds.push(await makeAgency(big));
    const now = new Date().toISOString();
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      id: `u${i}`, email: `u${i}@besar.test`, name: `Orang ${i}`, time_zone: "Asia/Jakarta", status: i % 3 === 0 ? "deactivated" : "active",
      agency_id: agencyIds[i % 100], agency_role: "member", created_at: now, updated_at: now,
    }));
    for (let i = 0; i < rows.length; i += 500) await big.insertInto("user").values(rows.slice(i, i + 500)).execute();
    const compiled = membersQuery(big, agencyIds[7], "active").select(["user.id", "user.name"]).orderBy("user.name").limit(30).compile();
    const explained = await big.executeQuery({ ...compiled, sql: `explain query plan ${compiled.sql}`, query: compiled.query });
    const detail = (explained.rows as { detail: string }[]).map((r) => r.detail).join(" | ");
    expect(detail).toContain("user_agency_status");
    expect(detail).not.toContain("TEMP B-TREE");
    const started = performance.now();
    const page = await listMembers(big, agencyIds[7], { page: 3 });
    expect(performance.now() - started).toBeLessThan(500);
    expect(page.total).toBe(rows.filter((r) => r.agency_id === agencyIds[7] && r.status === "active").length);
    expect(page.total).toBeLessThan(200);
    expect(page.rows).toHaveLength(MEMBERS_PAGE_SIZE);
    await big.destroy();
  });
});
