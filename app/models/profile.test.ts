import { parseWithZod } from "@conform-to/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeAgency, makeNetwork, makePerson } from "#seeds/factories";
import { testDb } from "#tests/helpers/db";
import { profileSchema } from "~/lib/profile";
import { createSession, validateSessionToken } from "./session.server";
import { exportOwnData, getOwnProfile, removalBlocker, removeOwnAccount, updateProfile } from "./profile.server";
import { authenticate } from "./user.server";

const DAY = 24 * 60 * 60 * 1000;
const NIP = "199103152019032007";
let db: DB;
let agencyId: string;

beforeAll(async () => {
  db = await testDb();
  await makeNetwork(db);
  agencyId = await makeAgency(db, { name: "Dinas Kesehatan Uji" });
});
afterAll(() => db.destroy());

const form = (v: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, val] of Object.entries(v)) fd.set(k, val);
  return parseWithZod(fd, { schema: profileSchema });
};
const errors = (v: Record<string, string>) => {
  const r = form(v);
  return r.status === "error" ? (r.error ?? {}) : {};
};
const valid = { name: "Rina Lestari", timeZone: "Asia/Makassar", locale: "en" };

describe("profile validation", () => {
  it("accepts an 18-digit NIP, also typed in groups, and refuses anything else with a field message", () => {
    expect(form({ ...valid, nip: NIP }).status).toBe("success");
    expect(form({ ...valid, nip: "19910315 201903 2 007" }).status).toBe("success");
    for (const nip of ["12345", "1991031520190320071", "19910315201903200A"]) {
      expect(form({ ...valid, nip }).status).toBe("error");
      expect(errors({ ...valid, nip }).nip).toEqual(["profile.nip.invalid"]);
    }
    expect(form(valid).status).toBe("success");
  });

  it("requires a name, a known Indonesian zone and a supported language, and checks the phone", () => {
    const e = errors({ name: "", timeZone: "Europe/Paris", locale: "fr", phone: "hubungi saya" });
    expect(e.name).toEqual(["form.required"]);
    expect(e.timeZone).toEqual(["form.invalidChoice"]);
    expect(e.locale).toEqual(["form.invalidChoice"]);
    expect(e.phone).toEqual(["profile.phone.invalid"]);
    expect(form({ ...valid, phone: "+62 812-3456-0133" }).status).toBe("success");
  });
});

describe("updating one's profile", () => {
  it("saves the fields, keeps the stored NIP when the field is left empty, and shows it only masked", async () => {
    const id = await makePerson(db, { agencyId, nip: NIP });
    expect(await updateProfile(db, id, {
      name: "  Rina Lestari, S.I.Kom. ", position: "Pranata Humas", functionalLevel: "Pranata Humas Ahli Muda",
      phone: "0812 3456", nip: undefined, timeZone: "Asia/Makassar", locale: "en",
    })).toEqual({ ok: true });
    const row = await db.selectFrom("user").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: "Rina Lestari, S.I.Kom.", functional_level: "Pranata Humas Ahli Muda", nip: NIP, time_zone: "Asia/Makassar", locale: "en",
    });
    const shown = await getOwnProfile(db, id);
    expect(shown?.nipMasked).toBe("••••••••••••••2007");
    expect(JSON.stringify(shown)).not.toContain(NIP);
  });

  it("replaces the NIP with a new one (spaces dropped) and clears it on request", async () => {
    const id = await makePerson(db, { agencyId, nip: NIP });
    await updateProfile(db, id, { ...valid, nip: "19800101 200501 1 001" });
    expect((await db.selectFrom("user").select("nip").where("id", "=", id).executeTakeFirstOrThrow()).nip).toBe("198001012005011001");
    await updateProfile(db, id, { ...valid, removeNip: true });
    expect((await db.selectFrom("user").select("nip").where("id", "=", id).executeTakeFirstOrThrow()).nip).toBeNull();
  });

  it("the model refuses a bad NIP even if the form check was skipped", async () => {
    const id = await makePerson(db, { agencyId, nip: NIP });
    expect(await updateProfile(db, id, { ...valid, nip: "123" })).toEqual({ ok: false, field: "nip", error: "profile.nip.invalid" });
    expect((await db.selectFrom("user").select("nip").where("id", "=", id).executeTakeFirstOrThrow()).nip).toBe(NIP);
  });
});

describe("exporting one's data", () => {
  it("contains the person's own data and no secrets, and is audited", async () => {
    const id = await makePerson(db, { agencyId, email: "ekspor@uji.test", name: "Ekspor Saya", nip: NIP, roles: ["fasilitator"] });
    await createSession(db, id, { userAgent: "Firefox" });
    await db.insertInto("notification").values({ id: "n-ekspor", user_id: id, kind: "member.approved", params: "{\"agency\":\"X\"}", created_at: new Date().toISOString() }).execute();
    const data = await exportOwnData(db, id);
    const text = JSON.stringify(data);
    expect(data.profile).toMatchObject({ email: "ekspor@uji.test", name: "Ekspor Saya", nip: NIP });
    expect(data.agency?.name).toBe("Dinas Kesehatan Uji");
    expect(data.networkRoles.map((r) => r.role)).toEqual(["fasilitator"]);
    expect(data.sessions[0]).toMatchObject({ user_agent: "Firefox" });
    expect(data.notifications[0]).toMatchObject({ kind: "member.approved", params: { agency: "X" } });
    expect(data.auditEntriesAsActor.map((a) => a.action)).toContain("user.export");
    expect(text).not.toMatch(/password_hash|secret_hash|token_hash|\$argon2/);
  });
});

describe("removing one's account", () => {
  it("anonymises the person, ends every session, drops their roles and is audited", async () => {
    const id = await makePerson(db, { agencyId, email: "pergi@uji.test", nip: NIP, phone: "0812", position: "Staf", roles: ["fasilitator"] });
    const { token } = await createSession(db, id, {});
    expect(await removeOwnAccount(db, id, { password: "salah-sandi" })).toEqual({ ok: false, field: "password", error: "profile.remove.wrongPassword" });
    expect(await removeOwnAccount(db, id, { password: "sinergi-demo" })).toEqual({ ok: true });
    const row = await db.selectFrom("user").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: "Pengguna terhapus", email: `removed-${id}@invalid`, phone: null, nip: null, position: null,
      password_hash: null, status: "removed",
    });
    expect(row.removed_at).not.toBeNull();
    expect(await validateSessionToken(db, token, 10 * DAY)).toBeNull();
    expect(await db.selectFrom("network_role").select("role").where("user_id", "=", id).execute()).toEqual([]);
    expect(await db.selectFrom("audit_log").select("action").where("actor_id", "=", id).where("action", "=", "user.remove").execute()).toHaveLength(1);
    expect(await authenticate(db, "pergi@uji.test", "sinergi-demo")).toEqual({ ok: false, error: "login.invalid" });
  });

  it("refuses the only active coordinator and the only active admin of an agency", async () => {
    const solo = await makePerson(db, { roles: ["koordinator"] });
    expect(await removalBlocker(db, solo)).toBe("profile.remove.onlyCoordinator");
    expect(await removeOwnAccount(db, solo, { password: "sinergi-demo" })).toEqual({ ok: false, field: null, error: "profile.remove.onlyCoordinator" });
    expect((await db.selectFrom("user").select("status").where("id", "=", solo).executeTakeFirstOrThrow()).status).toBe("active");
    // With a second active coordinator the first may go.
    await makePerson(db, { roles: ["koordinator"] });
    expect(await removalBlocker(db, solo)).toBeNull();

    const otherAgency = await makeAgency(db);
    const admin = await makePerson(db, { agencyId: otherAgency, agencyRole: "admin" });
    expect(await removeOwnAccount(db, admin, { password: "sinergi-demo" })).toEqual({ ok: false, field: null, error: "profile.remove.onlyAdmin" });
    await makePerson(db, { agencyId: otherAgency, agencyRole: "admin" });
    expect(await removeOwnAccount(db, admin, { password: "sinergi-demo" })).toEqual({ ok: true });
  });
});
