// The demo and the large synthetic training data hold together: what the demo promises (Rina has a
// release to write, colleagues' work waits for grading, a completed module with a certificate), and
// the large stage's invariants at a small scale (one submission per person and assignment, only by
// enrolled people, grades only on submitted versions, certificates only for completed enrolments).
import { describe, expect, it } from "vitest";
import { testDb } from "#tests/helpers/db";
import { seedDemo } from "./demo";
import { seedLarge } from "./large";
import { seedLargeTraining } from "./large-training";

describe("demo training", () => {
  it("gives Rina a release to write, a grading queue and a certificate", async () => {
    const db = await testDb();
    await db.transaction().execute((trx) => seedDemo(trx));
    const rina = await db.selectFrom("user").select("id").where("email", "=", "rina@sinergi.test").executeTakeFirstOrThrow();
    const task = await db
      .selectFrom("assignment")
      .select(["id", "rubric_id", "opens_at", "due_at", "late_until"])
      .where("title", "=", "Siaran pers: Peluncuran Layanan Posyandu Digital")
      .executeTakeFirstOrThrow();
    const now = Date.now();
    expect(Date.parse(task.opens_at)).toBeLessThan(now);
    expect(Date.parse(task.due_at)).toBeGreaterThan(now);
    const queue = await db.selectFrom("submission").select("user_id").where("assignment_id", "=", task.id).where("status", "=", "submitted").execute();
    expect(queue).toHaveLength(3);
    expect(queue.map((q) => q.user_id)).not.toContain(rina.id);
    const cert = await db.selectFrom("certificate").select(["code", "module_title", "jp"]).where("user_id", "=", rina.id).executeTakeFirstOrThrow();
    expect(cert).toMatchObject({ module_title: "Teras Berita dan Judul Aktif", jp: 4 });
    expect(cert.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    // Every assignment has its own rubric copy whose weights add up to 100 (once the library exists).
    const library = await db.selectFrom("rubric").select("id").where("scope", "=", "library").execute();
    if (library.length > 0) {
      const sums = await db
        .selectFrom("assignment")
        .innerJoin("rubric_criterion", "rubric_criterion.rubric_id", "assignment.rubric_id")
        .select(["assignment.id", (eb) => eb.fn.sum<number>("rubric_criterion.weight").as("total")])
        .groupBy("assignment.id")
        .execute();
      expect(sums.length).toBe(await db.selectFrom("assignment").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow().then((r) => Number(r.n)));
      for (const s of sums) expect(Number(s.total)).toBe(100);
    }
    await db.destroy();
  });
});

describe("seedLargeTraining", () => {
  it("keeps its invariants at a small scale", async () => {
    const db = await testDb();
    await db.transaction().execute((trx) => seedDemo(trx));
    await seedLarge(db, { agencies: 30, people: 400, biggestAgency: 60 });
    const r = await seedLargeTraining(db, { modules: 5, submissions: 1_500, bigCohort: 100 });
    expect(r.submissions).toBe(1_500);
    const count = async (q: { execute(): Promise<unknown[]> }) => (await q.execute()).length;
    // one submission per person and assignment
    expect(await count(db.selectFrom("submission").select(["assignment_id", "user_id"]).groupBy(["assignment_id", "user_id"]).having((eb) => eb.fn.countAll(), ">", 1))).toBe(0);
    // only by people enrolled in the module
    expect(
      await count(
        db.selectFrom("submission as s").select("s.id")
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom("enrolment as e").select("e.id").whereRef("e.module_id", "=", "s.module_id").whereRef("e.user_id", "=", "s.user_id")))),
      ),
    ).toBe(0);
    // grades point at the submission's own version; graded submissions carry the grade's score
    expect(await count(db.selectFrom("grade as g").innerJoin("submission_version as v", "v.id", "g.version_id").select("g.id").whereRef("v.submission_id", "!=", "g.submission_id"))).toBe(0);
    expect(await count(db.selectFrom("submission").select("id").where("status", "=", "graded").where("score", "is", null))).toBe(0);
    // certificates only for completed enrolments, one each
    expect(await count(db.selectFrom("certificate as c").innerJoin("enrolment as e", "e.id", "c.enrolment_id").select("c.id").where("e.completed_at", "is", null))).toBe(0);
    await db.destroy();
  });
});
