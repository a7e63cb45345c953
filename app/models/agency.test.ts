import { CompiledQuery } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makeNetwork, makePerson } from "#seeds/factories";
import { testDb } from "#tests/helpers/db";
import {
  agencyPageQuery, createAgency, getAgency, inviteAgencyAdmin, listAgencies, listAgencyInvitations,
  revokeAgencyInvitation, setAgencyActive, updateAgency, type AgencyInput,
} from "./agency.server";
import { listAudit } from "./audit.server";

let db: DB;
let actor: { id: string; ip: string };

const base = (over: Partial<AgencyInput> = {}): AgencyInput => ({
  name: "Dinas Perhubungan Kabupaten Sukamaju",
  shortName: "Dishub",
  type: "opd",
  region: "Kabupaten Sukamaju",
  timeZone: "Asia/Jakarta",
  ...over,
});

beforeAll(async () => {
  db = await testDb();
  const coordinating = await makeAgency(db, { name: "Diskominfo Uji", shortName: "Kominfo Uji" });
  await makeNetwork(db, { coordinatingAgencyId: coordinating });
  actor = { id: await makePerson(db, { agencyId: coordinating, roles: ["koordinator"], name: "Koordinator Uji" }), ip: "10.0.0.1" };
});
afterAll(() => db.destroy());

describe("creating agencies", () => {
  it("saves the agency, lists it in the directory and audits the creation", async () => {
    const r = await createAgency(db, base({ emailDomain: "dishub.sukamaju.go.id", contactEmail: "Humas@Dishub.go.id" }), actor);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = await getAgency(db, r.id);
    expect(a).toMatchObject({ name: "Dinas Perhubungan Kabupaten Sukamaju", short_name: "Dishub", active: true, email_domain: "dishub.sukamaju.go.id", contact_email: "humas@dishub.go.id" });
    const list = await listAgencies(db, { q: "perhubungan" });
    expect(list.rows.map((x) => x.id)).toEqual([r.id]);
    const log = await listAudit(db, { action: "agency.create" });
    const entry = log.rows.find((x) => x.target_id === r.id);
    expect(entry?.actor_name).toBe("Koordinator Uji");
    expect(JSON.parse(entry!.detail).name).toBe("Dinas Perhubungan Kabupaten Sukamaju");
  });

  it("refuses a duplicate name (any case) and a duplicate e-mail domain, and saves nothing", async () => {
    const before = (await listAgencies(db, { status: "all" })).total;
    const r = await createAgency(db, base({ name: "  dinas perhubungan KABUPATEN sukamaju ", emailDomain: "dishub.sukamaju.go.id" }), actor);
    expect(r).toEqual({ ok: false, fieldErrors: { name: ["agency.form.nameTaken"], emailDomain: ["agency.form.domainTaken"] } });
    expect((await listAgencies(db, { status: "all" })).total).toBe(before);
  });
});

describe("editing agencies", () => {
  it("records what changed, and only that", async () => {
    const id = await makeAgency(db, { name: "Dinas Sosial Uji", shortName: "Dinsos", region: "Sukamaju" });
    const r = await updateAgency(db, id, base({ name: "Dinas Sosial Uji", shortName: "Dinsos PPPA", region: "Sukamaju", emailDomain: "dinsos.sukamaju.go.id" }), actor);
    expect(r).toMatchObject({ ok: true, changed: ["short_name", "email_domain"] });
    const entry = (await listAudit(db, { action: "agency.update", agencyId: id })).rows[0];
    expect(JSON.parse(entry.detail).changes).toEqual({
      short_name: { from: "Dinsos", to: "Dinsos PPPA" },
      email_domain: { from: null, to: "dinsos.sukamaju.go.id" },
    });
    // Saving the same values again changes nothing and writes no audit entry.
    const again = await updateAgency(db, id, base({ name: "Dinas Sosial Uji", shortName: "Dinsos PPPA", region: "Sukamaju", emailDomain: "dinsos.sukamaju.go.id" }), actor);
    expect(again).toMatchObject({ ok: true, changed: [] });
    expect((await listAudit(db, { action: "agency.update", agencyId: id })).total).toBe(1);
  });

  it("keeps its own name and domain but refuses another agency's", async () => {
    const a = await makeAgency(db, { name: "Dinas Pertanian Uji", emailDomain: "distan.sukamaju.go.id" });
    await makeAgency(db, { name: "Dinas Perikanan Uji", emailDomain: "diskan.sukamaju.go.id" });
    expect((await updateAgency(db, a, base({ name: "Dinas Pertanian Uji", emailDomain: "distan.sukamaju.go.id" }), actor)).ok).toBe(true);
    const r = await updateAgency(db, a, base({ name: "Dinas Perikanan Uji", emailDomain: "diskan.sukamaju.go.id" }), actor);
    expect(r).toEqual({ ok: false, fieldErrors: { name: ["agency.form.nameTaken"], emailDomain: ["agency.form.domainTaken"] } });
    expect((await getAgency(db, a))?.name).toBe("Dinas Pertanian Uji");
  });

  it("replaces and removes the logo, returning the old file to delete", async () => {
    const id = await makeAgency(db, { name: "Dinas Logo Uji" });
    const input = base({ name: "Dinas Logo Uji", shortName: "DLU" });
    await updateAgency(db, id, { ...input, logoPath: "logos/a.webp" }, actor);
    const replaced = await updateAgency(db, id, { ...input, logoPath: "logos/b.webp" }, actor);
    expect(replaced).toMatchObject({ ok: true, previousLogoPath: "logos/a.webp" });
    const kept = await updateAgency(db, id, { ...input, logoPath: undefined }, actor);
    expect(kept).toMatchObject({ ok: true, previousLogoPath: null });
    expect((await getAgency(db, id))?.logo_path).toBe("logos/b.webp");
    const removed = await updateAgency(db, id, { ...input, logoPath: null }, actor);
    expect(removed).toMatchObject({ ok: true, previousLogoPath: "logos/b.webp" });
    expect((await getAgency(db, id))?.logo_path).toBeNull();
  });

  it("answers notFound for an unknown agency", async () => {
    expect(await updateAgency(db, "tidak-ada", base(), actor)).toEqual({ ok: false, notFound: true });
  });
});

describe("deactivating agencies", () => {
  it("marks the agency inactive and keeps its people; reactivation restores it", async () => {
    const id = await makeAgency(db, { name: "Badan Nonaktif Uji" });
    const person = await makePerson(db, { agencyId: id });
    expect(await setAgencyActive(db, id, false, actor)).toEqual({ ok: true, changed: true });
    const a = await getAgency(db, id);
    expect(a?.active).toBe(false);
    expect(a?.deactivated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const p = await db.selectFrom("user").select(["status", "agency_id"]).where("id", "=", person).executeTakeFirstOrThrow();
    expect(p).toEqual({ status: "active", agency_id: id });
    expect((await listAgencies(db, { q: "Nonaktif Uji" })).rows).toHaveLength(0);
    expect((await listAgencies(db, { q: "Nonaktif Uji", status: "inactive" })).rows[0]?.active).toBe(false);
    expect((await listAgencies(db, { q: "Nonaktif Uji", status: "all" })).rows).toHaveLength(1);
    // Doing it twice is harmless and not audited twice.
    expect(await setAgencyActive(db, id, false, actor)).toEqual({ ok: true, changed: false });
    expect((await listAudit(db, { action: "agency.deactivate", agencyId: id })).total).toBe(1);
    expect(await setAgencyActive(db, id, true, actor)).toEqual({ ok: true, changed: true });
    expect((await getAgency(db, id))).toMatchObject({ active: true, deactivated_at: null });
    expect((await listAudit(db, { action: "agency.activate", agencyId: id })).total).toBe(1);
  });

  it("refuses to deactivate the agency that coordinates the network", async () => {
    const network = await db.selectFrom("network").select("coordinating_agency_id").executeTakeFirstOrThrow();
    const r = await setAgencyActive(db, network.coordinating_agency_id!, false, actor);
    expect(r).toEqual({ ok: false, error: "agency.deactivate.coordinating" });
    expect((await getAgency(db, network.coordinating_agency_id!))?.active).toBe(true);
  });
});

describe("the directory", () => {
  let fresh: DB;
  beforeAll(async () => {
    fresh = await testDb();
    for (let i = 1; i <= 30; i++) {
      await makeAgency(fresh, { name: `Kantor ${String(i).padStart(2, "0")}`, shortName: `K${i}`, type: i % 3 === 0 ? "kecamatan" : "opd" });
    }
    await makeAgency(fresh, { name: "Kantor 100% Digital", shortName: "K100", type: "lainnya" });
    await makeAgency(fresh, { name: "Kantor Tutup", active: false });
  });
  afterAll(() => fresh.destroy());

  it("pages by 25 in name order, active only by default", async () => {
    const p1 = await listAgencies(fresh);
    expect(p1.total).toBe(31);
    expect(p1.pages).toBe(2);
    expect(p1.rows).toHaveLength(25);
    expect(p1.rows[0].name).toBe("Kantor 01");
    const names = p1.rows.map((r) => r.name);
    expect([...names].sort()).toEqual(names);
    const p2 = await listAgencies(fresh, { page: 2 });
    expect(p2.rows).toHaveLength(6);
    expect(p2.rows.some((r) => r.name === "Kantor Tutup")).toBe(false);
  });

  it("filters by type and searches names and short names case-insensitively, % taken literally", async () => {
    expect((await listAgencies(fresh, { type: "kecamatan" })).total).toBe(10);
    expect((await listAgencies(fresh, { q: "kantor 0" })).total).toBe(9);
    expect((await listAgencies(fresh, { q: "k12" })).rows.map((r) => r.name)).toEqual(["Kantor 12"]);
    expect((await listAgencies(fresh, { q: "100%" })).rows.map((r) => r.name)).toEqual(["Kantor 100% Digital"]);
    expect((await listAgencies(fresh, { q: "%" })).rows.map((r) => r.name)).toEqual(["Kantor 100% Digital"]);
    expect((await listAgencies(fresh, { q: "tutup" })).total).toBe(0);
    expect((await listAgencies(fresh, { q: "tutup", status: "all" })).total).toBe(1);
  });

  it("selects only the columns shown", async () => {
    const row = (await listAgencies(fresh)).rows[0];
    expect(Object.keys(row).sort()).toEqual(["active", "id", "name", "region", "short_name", "time_zone", "type"]);
  });

  it("reads the default page in index order, without sorting", async () => {
    const compiled = agencyPageQuery(fresh, { type: "opd" }).compile();
    const plan = await fresh.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
    const details = plan.rows.map((r) => r.detail).join(" | ");
    expect(details).toMatch(/agency_active_name/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});

describe("inviting the agency admin", () => {
  it("creates an admin invitation, e-mails the link and audits it", async () => {
    const id = await makeAgency(db, { name: "Dinas Undangan Uji" });
    const r = await inviteAgencyAdmin(db, id, { email: "Calon.Admin@Dinas.go.id", name: "Calon Admin" }, actor, (token) => `http://sinergi.test/undangan/${token}`);
    expect(r.ok).toBe(true);
    const open = await listAgencyInvitations(db, id);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ email: "calon.admin@dinas.go.id", agency_role: "admin", expired: false });
    const mail = await db.selectFrom("email_outbox").selectAll().where("to_address", "=", "calon.admin@dinas.go.id").executeTakeFirstOrThrow();
    expect(mail.subject).toContain("Undangan bergabung");
    expect(mail.text_body).toMatch(/http:\/\/sinergi\.test\/undangan\/[a-z0-9]+/);
    expect(mail.text_body).toContain("Admin Instansi Dinas Undangan Uji");
    expect((await listAudit(db, { action: "invitation.create", agencyId: id })).total).toBe(1);
    expect(await revokeAgencyInvitation(db, id, open[0].id, actor)).toBe(true);
    expect(await listAgencyInvitations(db, id)).toHaveLength(0);
    expect((await listAudit(db, { action: "invitation.revoke", agencyId: id })).total).toBe(1);
  });

  it("refuses an address that already has an account, and an inactive agency", async () => {
    const id = await makeAgency(db, { name: "Dinas Sudah Ada Uji" });
    await makePerson(db, { email: "sudah.ada@sinergi.test" });
    const link = (t: string) => `/undangan/${t}`;
    expect(await inviteAgencyAdmin(db, id, { email: "sudah.ada@sinergi.test" }, actor, link)).toEqual({ ok: false, fieldErrors: { email: ["agency.invite.emailTaken"] } });
    const off = await makeAgency(db, { name: "Dinas Tutup Uji", active: false });
    expect(await inviteAgencyAdmin(db, off, { email: "baru@sinergi.test" }, actor, link)).toEqual({ ok: false, fieldErrors: { email: ["agency.invite.agencyInactive"] } });
    expect(await listAgencyInvitations(db, id)).toHaveLength(0);
  });
});
