// The follow-up (RTL) stage of the large synthetic network, so the participation report's follow-up
// figures are exercised at scale: three actions per held or closed meeting, each owned by one of
// the agencies invited to it, due two to six weeks after the meeting, in a realistic mix — most done
// (some after the due date), some still open or in progress (overdue once past due), a few dropped —
// plus one information and one decision item. Deterministic, bulk inserts; run after
// seedLargeMeetings.
import type { DB } from "#db/connection";
import type { NewOutcome } from "#db/schema";
import { createId, nowIso } from "~/.server/crypto.server";
import { rng } from "./large";

const ACTIONS = [
  "menerbitkan rilis capaian program triwulan ini di situs resmi",
  "memasang widget berita kabupaten di situs instansi",
  "mengirim bahan narasi tunggal untuk agenda setting bulan depan",
  "menyiapkan infografis layanan publik untuk media sosial",
  "melaporkan tindak lanjut klarifikasi hoaks kepada sekretariat",
  "mengirim daftar narahubung humas yang mutakhir",
];

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function seedLargeFollowUps(db: DB, opts: { perMeeting?: number; now?: Date } = {}): Promise<{ followUps: number }> {
  const perMeeting = opts.perMeeting ?? 3;
  const now = (opts.now ?? new Date()).getTime();
  const rand = rng(11);
  const created = nowIso();
  const coordinator = await db.selectFrom("network_role").select("user_id").where("role", "=", "koordinator").executeTakeFirst();
  const meetings = await db.selectFrom("meeting").select(["id", "starts_at"]).where("status", "in", ["held", "closed"]).orderBy("starts_at").orderBy("id").execute();
  const invited = await db.selectFrom("meeting_invitation").select(["meeting_id", "agency_id"])
    .where("meeting_id", "in", db.selectFrom("meeting").select("id").where("status", "in", ["held", "closed"]))
    .orderBy("meeting_id").orderBy("agency_id").execute();
  const agenciesOf = new Map<string, string[]>();
  for (const r of invited) {
    const list = agenciesOf.get(r.meeting_id) ?? [];
    list.push(r.agency_id);
    agenciesOf.set(r.meeting_id, list);
  }

  const rows: NewOutcome[] = [];
  for (const m of meetings) {
    const owners = agenciesOf.get(m.id) ?? [];
    if (owners.length === 0) continue;
    const start = Date.parse(m.starts_at);
    const base = { meeting_id: m.id, agenda_item_id: null, contact_user_id: null, created_by: coordinator?.user_id ?? null, created_at: created, updated_at: created };
    rows.push({ ...base, id: createId(), type: "information", text: "Paparan evaluasi publikasi instansi diterima forum.", owner_agency_id: null, due_date: null, status: "open", done_at: null });
    rows.push({ ...base, id: createId(), type: "decision", text: "Tema agenda setting bulan depan disepakati.", owner_agency_id: null, due_date: null, status: "open", done_at: null });
    for (let k = 0; k < perMeeting; k++) {
      const owner = owners[Math.floor(rand() * owners.length)];
      const due = start + (14 + Math.floor(rand() * 29)) * DAY;
      const r = rand();
      // done 60 % (a quarter of them late), in progress 15 %, open 20 %, dropped 5 %
      let status = r < 0.6 ? "done" : r < 0.75 ? "in_progress" : r < 0.95 ? "open" : "dropped";
      let doneAt: string | null = null;
      if (status === "done") {
        const at = rand() < 0.75 ? start + Math.floor(rand() * (due - start)) : due + (1 + Math.floor(rand() * 14)) * DAY;
        if (at > now) status = "in_progress";
        else doneAt = new Date(at).toISOString();
      }
      rows.push({
        ...base, id: createId(), type: "action", text: `Instansi ${ACTIONS[Math.floor(rand() * ACTIONS.length)]}.`,
        owner_agency_id: owner, due_date: isoDate(due), status, done_at: doneAt,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto("outcome").values(rows.slice(i, i + 500)).execute();
  });
  return { followUps: rows.filter((r) => r.type === "action").length };
}
