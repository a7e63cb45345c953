// The training stage of the large synthetic network: by default 40 published modules (4 lessons and
// 5 assignments each, every assignment with its own rubric), ~44,000 enrolments and 200,000
// submissions with versions, fasilitator grades scored per criterion, watched lessons and
// certificates. The first module is the "big" one: 5,000 people, facilitated by the demo
// fasilitator, with the demo trainee Rina enrolled in it and in five others. Bulk inserts, deterministic.
import type { DB } from "#db/connection";
import type {
  NewAssignment, NewCertificate, NewCohort, NewEnrolment, NewGrade, NewGradeCriterion, NewLesson, NewLessonProgress,
  NewModule, NewModuleFacilitator, NewRubric, NewRubricCriterion, NewSubmission, NewSubmissionVersion,
} from "#db/schema";
import { createId } from "~/.server/crypto.server";
import { rebuildQualitySummary } from "~/models/participation-quality.server";
import { rng } from "./large";

const KINDS = ["release", "release", "infographic", "photo", "video"] as const;
const CRITERIA: Record<string, [string, number][]> = {
  release: [["Judul", 10], ["Teras (lead)", 20], ["Kelengkapan 5W+1H", 15], ["Piramida terbalik", 10], ["Akurasi & verifikasi", 15], ["Nilai berita & angle", 10], ["Bahasa & ejaan", 10], ["Kelengkapan administratif", 10]],
  infographic: [["Tujuan & pesan kunci", 15], ["Akurasi data & sumber", 25], ["Relevansi", 10], ["Struktur visual & hierarki", 20], ["Keterbacaan di ponsel", 15], ["Legalitas aset & identitas", 15]],
  photo: [["Nilai berita & momen", 25], ["Komposisi & teknis", 25], ["Keterangan foto", 30], ["Etika & teknis", 20]],
  video: [["Ide & angle", 15], ["Struktur / 5W+1H", 20], ["Variasi shot & komposisi", 20], ["Audio", 15], ["Editing & durasi", 15], ["Kepatuhan", 15]],
};
const TOPICS = ["Posyandu Digital", "Perbaikan Jalan Desa", "Vaksinasi Anak Sekolah", "Festival Budaya", "Layanan Adminduk Keliling", "Pasar Murah", "Mitigasi Banjir", "Beasiswa Daerah"];
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DAY = 86_400_000;

async function insertAll<T>(db: DB, table: string, rows: T[], size = 500) {
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table as never).values(rows.slice(i, i + size) as never).execute();
}

export interface LargeTrainingResult { bigModuleId: string; bigAssignmentId: string; submissions: number }

export async function seedLargeTraining(db: DB, opts: { modules?: number; submissions?: number; bigCohort?: number; now?: Date } = {}): Promise<LargeTrainingResult> {
  const moduleCount = opts.modules ?? 40;
  const target = opts.submissions ?? 200_000;
  const bigCohort = opts.bigCohort ?? 5_000;
  const now = opts.now ?? new Date();
  const rand = rng(11);
  const iso = (d: number) => new Date(d).toISOString();
  const created = now.toISOString();

  const facilitator = await db.selectFrom("user").select("id").where("email", "=", "fasilitator@sinergi.test").executeTakeFirst();
  const rina = await db.selectFrom("user").select(["id", "agency_id"]).where("email", "=", "rina@sinergi.test").executeTakeFirst();
  const people = await db
    .selectFrom("user")
    .select(["id", "agency_id", "name"])
    .where("status", "=", "active")
    .where("agency_id", "is not", null)
    .where("email", "like", "%@sintetis.test")
    .orderBy("id")
    .execute();
  const pool = people.length ? people : await db.selectFrom("user").select(["id", "agency_id", "name"]).where("status", "=", "active").execute();

  const modules: NewModule[] = [];
  const facilitators: NewModuleFacilitator[] = [];
  const lessons: NewLesson[] = [];
  const cohorts: NewCohort[] = [];
  const rubrics: NewRubric[] = [];
  const criteria: NewRubricCriterion[] = [];
  const assignments: (NewAssignment & { criteria: { id: string; weight: number }[] })[] = [];
  const lessonIds: string[][] = [];
  const cohortIds: string[] = [];
  const moduleJp: number[] = [];
  const moduleTitle: string[] = [];
  const assignmentsOf: (typeof assignments)[] = [];

  for (let m = 0; m < moduleCount; m++) {
    const id = createId();
    const jp = [2, 4, 6, 8][m % 4];
    const title = m === 0 ? "Menulis Siaran Pers (Kelas Besar)" : `Modul Pelatihan Kehumasan ${m + 1}: ${TOPICS[m % TOPICS.length]}`;
    modules.push({
      id, title, summary: "Modul sintetis untuk uji beban.", jp, output_category: "produksi_konten", cover_path: null,
      status: "published", self_enrol: m % 5 === 0 ? 1 : 0, pass_mark: m % 3 === 0 ? 60 : null,
      organiser: "Sekretariat Bakohumas", created_by: facilitator?.id ?? null, created_at: created, updated_at: created, published_at: created,
    });
    moduleJp.push(jp);
    moduleTitle.push(title);
    if (facilitator && (m === 0 || m % 4 === 0)) facilitators.push({ module_id: id, user_id: facilitator.id, created_at: created });
    const ls: string[] = [];
    for (let l = 0; l < 4; l++) {
      const lid = createId();
      ls.push(lid);
      lessons.push({
        id: lid, module_id: id, position: l + 1, title: `Materi ${l + 1}`,
        content_json: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Isi materi sintetis." }] }] }),
        video_kind: l === 1 ? "url" : null, video_url: l === 1 ? "https://example.test/video.mp4" : null, video_path: null, video_mime: null,
        video_seconds: l === 1 ? 300 : null, created_at: created, updated_at: created,
      });
    }
    lessonIds.push(ls);
    // Runs spread over the past year; the big module is running now.
    const start = m === 0 ? now.getTime() - 20 * DAY : now.getTime() - Math.floor(rand() * 330 + 20) * DAY;
    const cohortId = createId();
    cohortIds.push(cohortId);
    cohorts.push({
      id: cohortId, module_id: id, name: "Angkatan I", starts_on: iso(start).slice(0, 10), ends_on: iso(start + 45 * DAY).slice(0, 10),
      time_zone: "Asia/Jakarta", open_enrolment: m % 5 === 0 ? 1 : 0, created_by: facilitator?.id ?? null, created_at: created,
    });
    const own: typeof assignments = [];
    for (let a = 0; a < 5; a++) {
      const kind = KINDS[a];
      const rubricId = createId();
      rubrics.push({ id: rubricId, title: `Rubrik ${kind}`, description: null, scope: "assignment", work_kind: kind, locked_at: created, created_by: facilitator?.id ?? null, created_at: created, updated_at: created });
      const cs = CRITERIA[kind].map(([title, weight], i) => {
        const cid = createId();
        criteria.push({ id: cid, rubric_id: rubricId, position: i + 1, title, weight, level_1: "Belum memenuhi.", level_2: "Sebagian memenuhi.", level_3: "Memenuhi.", level_4: "Melampaui." });
        return { id: cid, weight };
      });
      const due = start + (10 + a * 7) * DAY;
      const row = {
        id: createId(), module_id: id, position: a + 1, kind, title: `Tugas ${a + 1}: ${TOPICS[(m + a) % TOPICS.length]}`,
        instructions_json: null, rubric_id: rubricId, opens_at: iso(start), due_at: iso(due), late_until: iso(due + 3 * DAY),
        time_zone: "Asia/Jakarta", created_by: facilitator?.id ?? null, created_at: created, updated_at: created, criteria: cs,
      };
      assignments.push(row);
      own.push(row);
    }
    assignmentsOf.push(own);
  }

  await insertAll(db, "module", modules);
  await insertAll(db, "module_facilitator", facilitators);
  await insertAll(db, "lesson", lessons);
  await insertAll(db, "cohort", cohorts);
  await insertAll(db, "rubric", rubrics);
  await insertAll(db, "rubric_criterion", criteria);
  await insertAll(db, "assignment", assignments.map(({ criteria: _c, ...a }) => a));

  // Enrolments: the big module takes the first `bigCohort` people; the others draw ~1,000 each.
  const perModule = Math.ceil((target / 5 / 0.9 - bigCohort) / Math.max(1, moduleCount - 1));
  const enrolments: NewEnrolment[] = [];
  const progress: NewLessonProgress[] = [];
  const submissions: NewSubmission[] = [];
  const versions: NewSubmissionVersion[] = [];
  const grades: NewGrade[] = [];
  const gradeCriteria: NewGradeCriterion[] = [];
  const certificates: NewCertificate[] = [];
  const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Dinas setempat meluncurkan layanan baru bagi warga. Sukamaju, 17 November 2026. Narahubung: Humas, 0812-0000-0000." }] }] });
  let certSeq = 0;

  const enrol = (m: number, person: { id: string; agency_id: string | null; name?: string }, forceAll = false) => {
    const enrolmentId = createId();
    const mod = modules[m];
    const start = Date.parse(iso(Date.parse(`${cohorts[m].starts_on}T00:00:00Z`)));
    const ls = lessonIds[m];
    let lessonsDone = 0;
    for (const lid of ls) {
      if (forceAll || rand() < 0.85) {
        lessonsDone++;
        progress.push({ lesson_id: lid, user_id: person.id, watched_json: null, watched_seconds: 0, duration_seconds: null, completed_at: iso(start + DAY), updated_at: iso(start + DAY) });
      }
    }
    let submitted = 0;
    for (const a of assignmentsOf[m]) {
      if (submissions.length >= target) break;
      if (!forceAll && rand() >= 0.9) continue;
      const due = Date.parse(a.due_at as string);
      if (due > now.getTime() && rand() < 0.5) continue; // not written yet
      const late = rand() < 0.12;
      const at = late ? due + Math.floor(rand() * 2 * DAY) + 3600_000 : due - Math.floor(rand() * 5 * DAY) - 3600_000;
      const sid = createId();
      const vid = createId();
      const roll = rand();
      const status = due > now.getTime() ? "submitted" : roll < 0.6 ? "graded" : roll < 0.7 ? "returned" : "submitted";
      let score: number | null = null;
      if (status !== "submitted") {
        const gid = createId();
        let s = 0;
        for (const c of a.criteria) {
          const level = 1 + Math.floor(rand() * 4 * 0.999 * (0.55 + rand() * 0.45) + 0.8);
          const lv = Math.min(4, Math.max(1, level));
          s += (c.weight * lv) / 4;
          gradeCriteria.push({ grade_id: gid, criterion_id: c.id, level: lv, comment: null });
        }
        score = status === "graded" ? s : null;
        grades.push({ id: gid, submission_id: sid, version_id: vid, grader_id: facilitator?.id ?? null, decision: status, score: status === "graded" ? s : null, feedback: "Umpan balik sintetis.", created_at: iso(at + DAY) });
      }
      submissions.push({
        id: sid, assignment_id: a.id, module_id: mod.id, user_id: person.id, agency_id: person.agency_id, status,
        draft_json: null, draft_link: null, draft_revision: 1, draft_saved_at: iso(at), current_version_id: vid, version_count: 1,
        first_submitted_at: iso(at), submitted_at: iso(at), late: late ? 1 : 0, score, graded_at: score !== null ? iso(at + DAY) : null,
        created_at: iso(at), updated_at: iso(at),
      });
      versions.push({ id: vid, submission_id: sid, number: 1, body_json: a.kind === "release" ? body : null, word_count: a.kind === "release" ? 21 : null, link_url: null, late: late ? 1 : 0, submitted_at: iso(at) });
      if (status !== "returned") submitted++;
    }
    const complete = lessonsDone === ls.length && submitted === assignmentsOf[m].length;
    const completedAt = complete ? iso(start + 40 * DAY) : null;
    enrolments.push({
      id: enrolmentId, cohort_id: cohortIds[m], module_id: mod.id, user_id: person.id, agency_id: person.agency_id, source: "agency",
      status: "active", enrolled_by: facilitator?.id ?? null, enrolled_at: iso(start), completed_at: completedAt,
    });
    if (complete) {
      let n = ++certSeq * 7919 + 1_000_003;
      let code = "";
      for (let i = 0; i < 12; i++) { code += CODE_ALPHABET[n % 32]; n = Math.floor(n / 32) + i * 13; }
      certificates.push({
        id: createId(), code, enrolment_id: enrolmentId, user_id: person.id, module_id: mod.id, holder_name: person.name ?? "Peserta",
        agency_name: null, module_title: moduleTitle[m], jp: moduleJp[m], starts_on: cohorts[m].starts_on, completed_on: completedAt!.slice(0, 10),
        organiser: "Sekretariat Bakohumas", issued_at: completedAt!, revoked_at: null,
      });
    }
  };

  if (rina) for (const m of [0, 1, 2, 3, 4, 5].filter((m) => m < moduleCount)) enrol(m, { ...rina, name: "Rina Lestari, S.I.Kom." }, m > 0);
  for (let i = 0; i < Math.min(bigCohort, pool.length); i++) enrol(0, pool[i]);
  const taken = new Map<number, Set<string>>();
  for (let round = 0; round < 4 && submissions.length < target; round++) {
    for (let m = 1; m < moduleCount && submissions.length < target; m++) {
      const offset = Math.floor(rand() * pool.length);
      const seen = taken.get(m) ?? new Set<string>(rina && m <= 5 ? [rina.id] : []);
      taken.set(m, seen);
      for (let k = 0; k < perModule && submissions.length < target; k++) {
        const p = pool[(offset + k * 7) % pool.length];
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        enrol(m, p);
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const [table, rows, size] of [
      ["enrolment", enrolments, 500], ["lesson_progress", progress, 500], ["submission", submissions, 300],
      ["submission_version", versions, 500], ["grade", grades, 500], ["grade_criterion", gradeCriteria, 1000],
      ["certificate", certificates, 500],
    ] as const) await insertAll(trx, table, rows as unknown[], size);
  });
  await rebuildQualitySummary(db); // grades inserted directly: the report's rubric means from them
  return { bigModuleId: modules[0].id, bigAssignmentId: assignmentsOf[0][0].id, submissions: submissions.length };
}
