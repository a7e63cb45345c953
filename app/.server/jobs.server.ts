// Background work that runs inside the web process: the persisted-reminder runner. `server.ts`
// calls `startBackgroundJobs()` once after the database is migrated. Every module that registers a
// reminder handler (`registerReminderHandler`) is imported here, so the runner knows its kind.
// Set BACKGROUND_JOBS=off to run a web process without the runner (e.g. a second instance).
import { db } from "./db.server";
import { startScheduler, type SchedulerHandle } from "./scheduler.server";
import "~/models/meeting-reminders.server";
import "~/models/follow-up.server"; // followup.due
import "~/models/series.server"; // series.topup (daily top-up of series occurrences)
import { peerSweep } from "~/models/peer-jobs.server"; // peer.leaseEnding, peer.deadline + the minute sweep

let handle: SchedulerHandle | undefined;

export function startBackgroundJobs(): SchedulerHandle | undefined {
  if (process.env.BACKGROUND_JOBS === "off") return undefined;
  if (!handle) {
    handle = startScheduler(db);
    // Peer review, on the same 60 s rhythm: take back expired leases, open reviewing at the due
    // date, schedule reminders. Overlapping runs are skipped.
    let sweeping = false;
    const sweep = async () => {
      if (sweeping) return;
      sweeping = true;
      try { await peerSweep(db); } catch (e) { console.error("Sapuan silang baca gagal:", e); } finally { sweeping = false; }
    };
    const timer = setInterval(() => void sweep(), 60_000);
    timer.unref?.();
    void sweep();
    const inner = handle;
    handle = { ...inner, stop: () => { clearInterval(timer); inner.stop(); } };
  }
  return handle;
}
