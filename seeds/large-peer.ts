// The peer-review stage of the large synthetic network: one module with a 2,000-person cohort from
// many agencies, facilitated by the demo fasilitator, with one release assignment whose due date has
// passed and whose peer review is open (two reviews per piece, other agencies only). ~90 % handed in;
// each piece has two reviewers from other agencies in a realistic mix — most submitted (with
// agreement, some helpfulness ratings and flags), some started, some still assigned, some taken back
// after their lease and given to someone else — and final grades where both reviews are in.
// Bulk inserts, deterministic (its own seeded generator); runs after seedLarge().
import type { DB } from "#db/connection";
import type {
  NewAssignment, NewCohort, NewEnrolment, NewFinalGrade, NewModule, NewModuleFacilitator, NewPeerReview, NewPeerReviewSetting,
  NewRubric, NewRubricCriterion, NewSubmission, NewSubmissionVersion,
} from "#db/schema";
import { createId } from "~/.server/crypto.server";
import { rng } from "./large";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CRITERIA: [string, number][] = [
  ["Judul", 10], ["Teras (lead)", 20], ["Kelengkapan 5W+1H", 15], ["Piramida terbalik", 10],
  ["Akurasi & verifikasi", 15], ["Nilai berita & angle", 10], ["Bahasa & ejaan", 10], ["Kelengkapan administratif", 10],
];

async function insertAll<T>(db: DB, table: string, rows: T[], size = 500) {
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table as never).values(rows.slice(i, i + size) as never).execute();
}

export interface LargePeerResult { peerModuleId: string; peerAssignmentId: string; reviews: number }

export async function seedLargePeer(db: DB, opts: { cohort?: number; now?: Date } = {}): Promise<LargePeerResult> {
  const size = opts.cohort ?? 2_000;
  const now = opts.now ?? new Date();
  const rand = rng(23);
  const iso = (t: number) => new Date(t).toISOString();
  const created = now.toISOString();
  const facilitator = await db.selectFrom("user").select("id").where("email", "=", "fasilitator@sinergi.test").executeTakeFirst();
  const people = await db.selectFrom("user").select(["id", "agency_id"])
    .where("status", "=", "active").where("agency_id", "is not", null).where("email", "like", "%@sintetis.test")
    .orderBy("id").execute();
  // Not the big training module's first 5,000, when the network is large enough.
  const from = people.length >= 5_000 + size ? 5_000 : 0;
  const cohort = people.slice(from, from + size);

  const moduleId = createId();
  const start = now.getTime() - 20 * DAY;
  const module: NewModule = {
    id: moduleId, title: "Silang Baca Siaran Pers (Angkatan Besar)", summary: "Modul sintetis untuk uji beban silang baca.", jp: 8,
    output_category: "produksi_konten", cover_path: null, status: "published", self_enrol: 0, pass_mark: null,
    organiser: "Sekretariat Bakohumas", created_by: facilitator?.id ?? null, created_at: created, updated_at: created, published_at: created,
  };
  const facilitators: NewModuleFacilitator[] = facilitator ? [{ module_id: moduleId, user_id: facilitator.id, created_at: created }] : [];
  const cohortId = createId();
  const cohortRow: NewCohort = {
    id: cohortId, module_id: moduleId, name: "Angkatan Besar 2026", starts_on: iso(start).slice(0, 10), ends_on: iso(start + 45 * DAY).slice(0, 10),
    time_zone: "Asia/Jakarta", open_enrolment: 0, created_by: facilitator?.id ?? null, created_at: created,
  };
  const rubricId = createId();
  const rubric: NewRubric = { id: rubricId, title: "Rubrik Siaran Pers", description: null, scope: "assignment", work_kind: "release", locked_at: created, created_by: facilitator?.id ?? null, created_at: created, updated_at: created };
  const criteria: NewRubricCriterion[] = CRITERIA.map(([title, weight], i) => ({
    id: createId(), rubric_id: rubricId, position: i + 1, title, weight, level_1: "Belum memenuhi.", level_2: "Sebagian memenuhi.", level_3: "Memenuhi.", level_4: "Melampaui.",
  }));
  // Due three days ago, late work closed yesterday: reviewing is under way, a week left.
  const due = now.getTime() - 3 * DAY;
  const assignmentId = createId();
  const assignment: NewAssignment = {
    id: assignmentId, module_id: moduleId, position: 1, kind: "release", title: "Siaran pers: Peluncuran Layanan Posyandu Digital",
    instructions_json: null, rubric_id: rubricId, opens_at: iso(start), due_at: iso(due), late_until: iso(due + 2 * DAY),
    time_zone: "Asia/Jakarta", created_by: facilitator?.id ?? null, created_at: created, updated_at: created,
  };
  const setting: NewPeerReviewSetting = {
    assignment_id: assignmentId, enabled: 1, per_submission: 2, other_agency_only: 1, anonymity: "both", opens: "due", must_submit_first: 1,
    self_assessment: 0, calibration: 0, facilitator_weight: 60, peer_weight: 40, lease_hours: 48, reviews_due_at: iso(now.getTime() + 7 * DAY),
    backstop_hours: 24, created_at: created, updated_at: created,
  };

  const enrolments: NewEnrolment[] = [];
  const submissions: NewSubmission[] = [];
  const versions: NewSubmissionVersion[] = [];
  const authors: { sid: string; vid: string; userId: string; agencyId: string | null }[] = [];
  const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Dinas Kesehatan meluncurkan Posyandu Digital di 212 posyandu. Sukamaju, 17 November 2026. Narahubung: Humas, 0812-0000-0000." }] }] });
  for (const p of cohort) {
    enrolments.push({
      id: createId(), cohort_id: cohortId, module_id: moduleId, user_id: p.id, agency_id: p.agency_id, source: "agency",
      status: "active", enrolled_by: facilitator?.id ?? null, enrolled_at: iso(start), completed_at: null,
    });
    if (rand() >= 0.9) continue; // has not handed in
    const late = rand() < 0.1;
    const at = late ? due + Math.floor(rand() * DAY) + HOUR : due - Math.floor(rand() * 4 * DAY) - HOUR;
    const sid = createId();
    const vid = createId();
    submissions.push({
      id: sid, assignment_id: assignmentId, module_id: moduleId, user_id: p.id, agency_id: p.agency_id, status: "submitted",
      draft_json: null, draft_link: null, draft_revision: 1, draft_saved_at: iso(at), current_version_id: vid, version_count: 1,
      first_submitted_at: iso(at), submitted_at: iso(at), late: late ? 1 : 0, score: null, graded_at: null, created_at: iso(at), updated_at: iso(at),
    });
    versions.push({ id: vid, submission_id: sid, number: 1, body_json: body, word_count: 18, link_url: null, late: late ? 1 : 0, submitted_at: iso(at) });
    authors.push({ sid, vid, userId: p.id, agencyId: p.agency_id });
  }

  // Two reviewers per piece from other agencies, walking the submitters with a stride so loads stay even.
  const reviews: NewPeerReview[] = [];
  const finals: NewFinalGrade[] = [];
  const opened = due;
  const n = authors.length;
  for (let i = 0; i < n; i++) {
    const a = authors[i];
    const used = new Set<string>([a.userId]);
    const pick = (k: number) => {
      for (let step = 0; step < n; step++) {
        const r = authors[(i + 1 + k * 37 + step) % n];
        if (!used.has(r.userId) && r.agencyId !== a.agencyId) { used.add(r.userId); return r; }
      }
      return null;
    };
    const scores: number[] = [];
    for (let k = 0; k < 2; k++) {
      const reviewer = pick(k);
      if (!reviewer) continue;
      const roll = rand();
      const assignedAt = opened + Math.floor(rand() * 6) * HOUR;
      const base = { assignment_id: assignmentId, submission_id: a.sid, version_id: a.vid, kind: "peer", source: "auto", same_agency: 0 };
      if (roll < 0.6) {
        const score = 40 + Math.floor(rand() * 24) * 2.5;
        scores.push(score);
        const flagRoll = rand();
        const flags = flagRoll < 0.06 ? "generic" : flagRoll < 0.1 ? "disagrees" : flagRoll < 0.11 ? "disagrees,generic" : null;
        reviews.push({
          ...base, id: createId(), reviewer_id: reviewer.userId, status: "submitted", assigned_at: iso(assignedAt), lease_expires_at: iso(assignedAt + 48 * HOUR),
          started_at: iso(assignedAt + 2 * HOUR), submitted_at: iso(assignedAt + 20 * HOUR), ended_at: null, feedback: flags?.includes("generic") ? "Sudah bagus." : "Teras sudah menjawab apa dan di mana; tambahkan kapan layanan mulai dan kutipan narasumber.",
          draft_saved_at: iso(assignedAt + 20 * HOUR), score, agreement: 40 + Math.floor(rand() * 61), flags,
          helpfulness: rand() < 0.5 ? 1 + Math.floor(rand() * 5) : null, helpfulness_at: null,
        });
      } else if (roll < 0.72) {
        reviews.push({ ...base, id: createId(), reviewer_id: reviewer.userId, status: "started", assigned_at: iso(assignedAt), lease_expires_at: iso(assignedAt + 48 * HOUR), started_at: iso(assignedAt + 5 * HOUR), draft_saved_at: iso(assignedAt + 5 * HOUR) });
      } else if (roll < 0.87) {
        reviews.push({ ...base, id: createId(), reviewer_id: reviewer.userId, status: "assigned", assigned_at: iso(now.getTime() - 10 * HOUR), lease_expires_at: iso(now.getTime() + 38 * HOUR) });
      } else {
        // Not started within 48 h: taken back and given to someone else, who has not started yet.
        reviews.push({ ...base, id: createId(), reviewer_id: reviewer.userId, status: "expired", assigned_at: iso(assignedAt), lease_expires_at: iso(assignedAt + 48 * HOUR), ended_at: iso(assignedAt + 48 * HOUR) });
        const next = pick(k + 2);
        if (next) reviews.push({ ...base, id: createId(), reviewer_id: next.userId, status: "assigned", assigned_at: iso(assignedAt + 48 * HOUR), lease_expires_at: iso(assignedAt + 96 * HOUR) });
      }
    }
    if (scores.length === 2) {
      const median = (scores[0] + scores[1]) / 2;
      finals.push({ submission_id: a.sid, facilitator_score: null, peer_median: median, score: median, override_score: null, override_reason: null, override_by: null, computed_at: created });
    }
  }

  await db.transaction().execute(async (trx) => {
    await insertAll(trx, "module", [module]);
    await insertAll(trx, "module_facilitator", facilitators);
    await insertAll(trx, "cohort", [cohortRow]);
    await insertAll(trx, "rubric", [rubric]);
    await insertAll(trx, "rubric_criterion", criteria);
    await insertAll(trx, "assignment", [assignment]);
    await insertAll(trx, "peer_review_setting", [setting]);
    await insertAll(trx, "enrolment", enrolments);
    await insertAll(trx, "submission", submissions, 300);
    await insertAll(trx, "submission_version", versions);
    await insertAll(trx, "peer_review", reviews, 300);
    await insertAll(trx, "final_grade", finals);
  });
  return { peerModuleId: moduleId, peerAssignmentId: assignmentId, reviews: reviews.length };
}
