// Setup for the peer-review journey (tests/e2e/peer-journey.spec.ts), for what has its own UI tested
// elsewhere: two agencies, one trainee in each (demo password), a module the demo fasilitator runs
// with a release assignment open now, and peer review on (one review per piece, other agencies only,
// opens on submit, submit before reviewing). Every call makes fresh people and a fresh module, so
// the journey can run any number of times against one database.
import type { DB } from "#db/connection";
import { makeAgency, makePerson } from "#seeds/factories";
import { makeTrainingFixture } from "./submission-fixtures";

const DAY = 86_400_000;

export interface JourneyFixture {
  moduleTitle: string;
  assignmentTitle: string;
  a: { email: string; name: string; agency: string };
  b: { email: string; name: string; agency: string };
}

export async function makeJourneyFixture(db: DB, tag: string): Promise<JourneyFixture> {
  const fasilitator = await db.selectFrom("user").select("id").where("email", "=", "fasilitator@sinergi.test").executeTakeFirstOrThrow();
  const a = { email: `dimas.${tag}@sinergi.test`, name: "Dimas Prasetyo", agency: "Dishub" };
  const b = { email: `ratna.${tag}@sinergi.test`, name: "Ratna Kusuma, S.Sos.", agency: "Dispar" };
  const dishub = await makeAgency(db, { name: "Dinas Perhubungan", shortName: a.agency });
  const dispar = await makeAgency(db, { name: "Dinas Pariwisata", shortName: b.agency });
  const trainees = [
    { id: await makePerson(db, { email: a.email, name: a.name, agencyId: dishub }), agencyId: dishub },
    { id: await makePerson(db, { email: b.email, name: b.name, agencyId: dispar }), agencyId: dispar },
  ];
  const now = Date.now();
  const assignmentTitle = "Siaran pers: Festival Kuliner Sukamaju";
  const f = await makeTrainingFixture(db, {
    kind: "release", title: assignmentTitle, facilitatorId: fasilitator.id, trainees,
    opensAt: new Date(now - DAY).toISOString(), dueAt: new Date(now + 7 * DAY).toISOString(), lateUntil: new Date(now + 9 * DAY).toISOString(),
    instructions: "Tulis siaran pers tentang Festival Kuliner Sukamaju dari lembar fakta.",
  });
  const moduleTitle = `Praktik Menulis Rilis ${tag}`;
  await db.updateTable("module").set({ title: moduleTitle }).where("id", "=", f.moduleId).execute();
  const at = new Date(now).toISOString();
  await db.insertInto("peer_review_setting").values({
    assignment_id: f.assignmentId, enabled: 1, per_submission: 1, other_agency_only: 1, opens: "on_submit", must_submit_first: 1,
    reviews_due_at: new Date(now + 14 * DAY).toISOString(), created_at: at, updated_at: at,
  }).execute();
  return { moduleTitle, assignmentTitle, a, b };
}
