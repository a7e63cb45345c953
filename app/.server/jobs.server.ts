// Background work that runs inside the web process: the persisted-reminder runner. `server.ts`
// calls `startBackgroundJobs()` once after the database is migrated. Every module that registers a
// reminder handler (`registerReminderHandler`) is imported here, so the runner knows its kind.
// Set BACKGROUND_JOBS=off to run a web process without the runner (e.g. a second instance).
import { db } from "./db.server";
import { startScheduler, type SchedulerHandle } from "./scheduler.server";
import "~/models/meeting-reminders.server";
import "~/models/follow-up.server"; // followup.due
import "~/models/series.server"; // series.topup (daily top-up of series occurrences)

let handle: SchedulerHandle | undefined;

export function startBackgroundJobs(): SchedulerHandle | undefined {
  if (process.env.BACKGROUND_JOBS === "off") return undefined;
  handle ??= startScheduler(db);
  return handle;
}
