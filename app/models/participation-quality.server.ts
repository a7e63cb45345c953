// The participation report's rubric quality (issue 6), kept as running sums so a year's report does
// not read every rated criterion (~870,000 at the large scale). The rule is the report's own
// (participation.server.ts): each graded piece's current fasilitator grade — the grade with
// decision "graded" whose instant is the piece's `graded_at`, on a piece whose status is "graded" —
// counted per criterion title, in the agency of the piece.
//
// `quality_summary` holds, per (agency, bucket, criterion title), the sum of those levels and how
// many there are. A bucket is a span of time inside one calendar month in every agency zone: it
// starts at the latest start of a month in any zone at or before the grade (migration 0014), so a
// period of whole months in an agency's zone holds exactly the buckets that start inside it, and an
// agency that changes its zone needs no rewrite.
//
// Writers keep it right by measuring what the rule counts for the pieces they touch before and
// after their change, in the same transaction (`qualityChange(...)` then `.settle()`): grading
// (a new grade replaces the counted one, a returned piece stops counting) and unlocking a rubric
// (all of an assignment's grades cleared). Seeds that insert grades directly call
// `rebuildQualitySummary`.
import type { DB } from "#db/connection";
import { AGENCY_TIME_ZONES } from "~/lib/agency";
import { monthPeriod, periodBoundsUtc } from "~/lib/period";
import { utcToZoned } from "~/lib/zoned-time";

/** The instant at which the bucket holding `iso` starts (see above). */
export function qualityBucket(iso: string): string {
  let best = "";
  for (const tz of AGENCY_TIME_ZONES) {
    const d = utcToZoned(iso, tz).date;
    const start = periodBoundsUtc(monthPeriod(Number(d.slice(0, 4)), Number(d.slice(5, 7))), tz).start;
    if (start > best) best = start;
  }
  return best;
}

type Scope = { submissionId: string } | { assignmentId: string };
interface Sum { agencyId: string; bucket: string; criterion: string; levelSum: number; graded: number }
type Sums = Map<string, Sum>;

/** Buckets start on whole hours: one computation per UTC hour. */
function bucketer() {
  const byHour = new Map<string, string>();
  return (iso: string) => {
    const hour = iso.slice(0, 13);
    let b = byHour.get(hour);
    if (!b) byHour.set(hour, (b = qualityBucket(iso)));
    return b;
  };
}

function counted(db: DB) {
  return db
    .selectFrom("grade")
    .innerJoin("submission", "submission.id", "grade.submission_id")
    .innerJoin("agency", "agency.id", "submission.agency_id")
    .innerJoin("grade_criterion", "grade_criterion.grade_id", "grade.id")
    .innerJoin("rubric_criterion", "rubric_criterion.id", "grade_criterion.criterion_id")
    .select((eb) => [
      "agency.id as agency_id", "grade.created_at", "rubric_criterion.title",
      eb.fn.sum<number>("grade_criterion.level").as("level_sum"), eb.fn.countAll<number>().as("n"),
    ])
    .where("grade.decision", "=", "graded")
    .where("submission.status", "=", "graded")
    .whereRef("submission.graded_at", "=", "grade.created_at")
    .groupBy(["agency.id", "grade.created_at", "rubric_criterion.title"]);
}

function add(sums: Sums, bucketOf: (iso: string) => string, r: { agency_id: string; created_at: string; title: string; level_sum: number; n: number }) {
  const bucket = bucketOf(r.created_at);
  const key = `${r.agency_id}|${bucket}|${r.title}`;
  const s = sums.get(key) ?? { agencyId: r.agency_id, bucket, criterion: r.title, levelSum: 0, graded: 0 };
  s.levelSum += Number(r.level_sum);
  s.graded += Number(r.n);
  sums.set(key, s);
}

/** What the rule counts today for the pieces in scope, per summary row. */
async function contribution(db: DB, scope: Scope): Promise<Sums> {
  const q = counted(db);
  const rows = await ("submissionId" in scope
    ? q.where("grade.submission_id", "=", scope.submissionId)
    : q.where("submission.assignment_id", "=", scope.assignmentId)
  ).execute();
  const sums: Sums = new Map();
  const bucketOf = bucketer();
  for (const r of rows) add(sums, bucketOf, r);
  return sums;
}

async function apply(db: DB, delta: Sum[]) {
  for (const d of delta) {
    if (d.levelSum === 0 && d.graded === 0) continue;
    await db
      .insertInto("quality_summary")
      .values({ agency_id: d.agencyId, bucket_start: d.bucket, criterion: d.criterion, level_sum: d.levelSum, graded: d.graded })
      .onConflict((oc) => oc.columns(["agency_id", "bucket_start", "criterion"]).doUpdateSet((eb) => ({
        level_sum: eb("quality_summary.level_sum", "+", eb.ref("excluded.level_sum")),
        graded: eb("quality_summary.graded", "+", eb.ref("excluded.graded")),
      })))
      .execute();
    await db.deleteFrom("quality_summary")
      .where("agency_id", "=", d.agencyId).where("bucket_start", "=", d.bucket).where("criterion", "=", d.criterion)
      .where("graded", "<=", 0)
      .execute();
  }
}

/**
 * Call inside the writer's transaction before it changes grades or a graded piece; `settle()` after
 * the change adds what the rule now counts for those pieces and takes away what it counted before.
 */
export async function qualityChange(trx: DB, scope: Scope): Promise<{ settle: () => Promise<void> }> {
  const before = await contribution(trx, scope);
  return {
    settle: async () => {
      const after = await contribution(trx, scope);
      const delta = new Map(after);
      for (const [key, b] of before) {
        const a = delta.get(key);
        delta.set(key, { ...b, levelSum: (a?.levelSum ?? 0) - b.levelSum, graded: (a?.graded ?? 0) - b.graded });
      }
      await apply(trx, [...delta.values()]);
    },
  };
}

/** Rewrites the whole summary from the grades (seeds that insert grades directly; repairs). */
export async function rebuildQualitySummary(db: DB): Promise<void> {
  const sums: Sums = new Map();
  const bucketOf = bucketer();
  for await (const r of counted(db).stream(2_000)) add(sums, bucketOf, r);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("quality_summary").execute();
    const rows = [...sums.values()].map((s) => ({ agency_id: s.agencyId, bucket_start: s.bucket, criterion: s.criterion, level_sum: s.levelSum, graded: s.graded }));
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto("quality_summary").values(rows.slice(i, i + 500)).execute();
  });
}
