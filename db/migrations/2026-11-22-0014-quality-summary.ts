// Participation reports (issue 6): the rubric means per agency and criterion kept as running sums
// (`quality_summary`), so a year's report reads a few thousand rows instead of every rated
// criterion (~870,000 at the large scale); and a covering index for the report's work-due figures
// (each enrolled person's submission of an assignment without reading the submission's row).
//
// quality_summary: one row per (agency, bucket, criterion title) with the sum of the levels and how
// many there are, over each graded piece's current fasilitator grade (the rule of
// participation.server.ts). A bucket is a span of time that lies inside one calendar month in every
// Indonesian zone: it starts at the latest start of a month in any of WIB, WITA, WIT at or before
// the grade (so each month boundary of the year splits off two one-hour buckets at 15.00 and 16.00
// UTC on the last day of a month). `bucket_start` is that instant; a period of whole months in an
// agency's zone holds exactly the buckets that start inside it. Maintained by the grade writers
// (participation-quality.server.ts); filled here from the grades already given.
//
// Frozen in time: the bucket rule is written out here (offsets +7, +8, +9 hours), never imported.
import type { Kysely } from "kysely";

const HOUR = 3_600_000;
const OFFSETS_HOURS = [7, 8, 9];

/** The bucket of an instant (see above). */
function bucketStart(iso: string): string {
  const t = Date.parse(iso);
  let best = -Infinity;
  for (const o of OFFSETS_HOURS) {
    const local = new Date(t + o * HOUR);
    const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - o * HOUR;
    if (start > best) best = start;
  }
  return new Date(best).toISOString();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("quality_summary")
    .addColumn("agency_id", "text", (c) => c.notNull().references("agency.id").onDelete("cascade"))
    .addColumn("bucket_start", "text", (c) => c.notNull())
    .addColumn("criterion", "text", (c) => c.notNull())
    .addColumn("level_sum", "integer", (c) => c.notNull())
    .addColumn("graded", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("quality_summary_pk", ["agency_id", "bucket_start", "criterion"])
    .execute();
  await db.schema.createIndex("quality_summary_bucket_idx").on("quality_summary").columns(["bucket_start", "agency_id"]).execute();
  await db.schema.createIndex("submission_work_idx").on("submission")
    .columns(["assignment_id", "user_id", "status", "first_submitted_at", "score"]).execute();

  // Backfill: each graded piece's current grade, per agency, instant and title, summed per bucket.
  const sums = new Map<string, { agency_id: string; bucket_start: string; criterion: string; level_sum: number; graded: number }>();
  const bucketOf = new Map<string, string>(); // per UTC hour: buckets start on whole hours
  const rows = db
    .selectFrom("grade")
    .innerJoin("submission", "submission.id", "grade.submission_id")
    .innerJoin("agency", "agency.id", "submission.agency_id")
    .innerJoin("grade_criterion", "grade_criterion.grade_id", "grade.id")
    .innerJoin("rubric_criterion", "rubric_criterion.id", "grade_criterion.criterion_id")
    .select((eb) => [
      "submission.agency_id", "grade.created_at", "rubric_criterion.title",
      eb.fn.sum<number>("grade_criterion.level").as("level_sum"), eb.fn.countAll<number>().as("n"),
    ])
    .where("grade.decision", "=", "graded")
    .where("submission.status", "=", "graded")
    .whereRef("submission.graded_at", "=", "grade.created_at")
    .groupBy(["submission.agency_id", "grade.created_at", "rubric_criterion.title"])
    .stream(2_000);
  for await (const r of rows) {
    const hour = String(r.created_at).slice(0, 13);
    let bucket = bucketOf.get(hour);
    if (!bucket) bucketOf.set(hour, (bucket = bucketStart(r.created_at)));
    const key = `${r.agency_id}|${bucket}|${r.title}`;
    const s = sums.get(key);
    if (s) {
      s.level_sum += Number(r.level_sum);
      s.graded += Number(r.n);
    } else {
      sums.set(key, { agency_id: r.agency_id, bucket_start: bucket, criterion: r.title, level_sum: Number(r.level_sum), graded: Number(r.n) });
    }
  }
  const all = [...sums.values()];
  for (let i = 0; i < all.length; i += 500) await db.insertInto("quality_summary").values(all.slice(i, i + 500)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("submission_work_idx").ifExists().execute();
  await db.schema.dropTable("quality_summary").ifExists().execute();
}
