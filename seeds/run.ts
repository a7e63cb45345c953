// `npm run db:seed [-- --scale large]`: migrates, loads the demo network if the database is empty,
// and with --scale large adds the synthetic network used by the benchmark.
import { createDb, DEFAULT_DATABASE_URL } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { seedDemoIfEmpty } from "./demo";
import { seedLarge } from "./large";
import { seedLargeMeetings } from "./large-meetings";
import { seedLargeFollowUps } from "./large-followups";
import { seedLargeTraining } from "./large-training";

const scale = process.argv.includes("--scale") ? process.argv[process.argv.indexOf("--scale") + 1] : "demo";
const db = createDb(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
try {
  await migrateToLatest(db);
  const seeded = await seedDemoIfEmpty(db);
  console.log(seeded ? "Data contoh dimuat." : "Basis data sudah berisi data; data contoh tidak dimuat ulang.");
  if (scale === "large") {
    const t = Date.now();
    await seedLarge(db);
    await seedLargeMeetings(db);
    await seedLargeFollowUps(db);
    await seedLargeTraining(db);
    console.log(`Data sintetis skala besar dimuat dalam ${((Date.now() - t) / 1000).toFixed(1)} dtk.`);
  }
} finally {
  await db.destroy();
}
