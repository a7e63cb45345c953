// `npm run bench [-- --duration 8 --connections 16 --no-build]`
// Builds for production, seeds the large synthetic network, starts the server on loopback and
// measures each page in tests/bench/targets.ts with autocannon: throughput, p50/p99 latency, and
// the server's CPU time per request (less noisy than req/s on a shared 2-core machine). Each page's
// ratio is to the no-database page measured right before and right after it (their mean).
import { spawn, execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { createDb } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { seedDemoIfEmpty } from "#seeds/demo";
import { seedLarge } from "#seeds/large";
import { seedLargeMeetings } from "#seeds/large-meetings";
import { seedLargeFollowUps } from "#seeds/large-followups";
import { seedLargePeer } from "#seeds/large-peer";
import { seedLargeTraining } from "#seeds/large-training";
import { measureInProcess } from "./in-process";
import { targets, type BenchContext } from "./targets";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg("duration", 8);
const connections = arg("connections", 16);
const port = arg("port", 3900);
const base = `http://127.0.0.1:${port}`;

function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks
}
const TICK_MS = 1000 / Number(execSync("getconf CLK_TCK").toString().trim() || 100);

async function main() {
  if (!process.argv.includes("--no-build")) {
    console.log("Membangun versi produksi…");
    execSync("npm run build", { stdio: "ignore" });
  }
  const dir = path.resolve("tests/.tmp");
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, `bench-${port}.db`);
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(dbFile + s, { force: true });
  console.log("Menyiapkan data sintetis skala besar…");
  const db = createDb(`file:${dbFile}`);
  await migrateToLatest(db);
  await seedDemoIfEmpty(db);
  const t0 = Date.now();
  const { biggestAgencyId } = await seedLarge(db);
  const { bigMeetingId } = await seedLargeMeetings(db);
  const { followUps } = await seedLargeFollowUps(db);
  const t1 = Date.now();
  const { bigModuleId, bigAssignmentId, submissions } = await seedLargeTraining(db);
  console.log(`  ${submissions} kiriman tugas (${((Date.now() - t1) / 1000).toFixed(1)} dtk)`);
  const t2 = Date.now();
  const { peerModuleId, peerAssignmentId, reviews } = await seedLargePeer(db);
  console.log(`  ${reviews} ulasan silang baca (${((Date.now() - t2) / 1000).toFixed(1)} dtk)`);
  const demo = await db.selectFrom("agency").select("id").where("short_name", "=", "Dinkes").executeTakeFirstOrThrow();
  const counts = await db
    .selectFrom("agency")
    .select((eb) => [eb.fn.countAll<number>().as("agencies"), eb.selectFrom("user").select((e) => e.fn.countAll<number>().as("n")).as("people")])
    .executeTakeFirstOrThrow();
  console.log(`  ${counts.agencies} instansi, ${counts.people} orang (${((Date.now() - t0) / 1000).toFixed(1)} dtk)`);
  const meetings = await db.selectFrom("meeting").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  console.log(`  ${meetings.n} rapat, ${followUps} RTL`);
  const ctx: BenchContext = { db, biggestAgencyId, demoAgencyId: demo.id, bigMeetingId, bigModuleId, bigAssignmentId, peerModuleId, peerAssignmentId };

  // The same V8 flag as `npm start` (ADR 0019): a larger young generation for the server.
  const child = spawn(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${dbFile}`, COOKIE_SECURE: "false", RATE_LIMIT_FACTOR: "1000", SEED_DEMO: "false" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch { /* starting */ }
      if (i > 200) throw new Error("server tidak menyala");
      await new Promise((r) => setTimeout(r, 100));
    }
    const cookies = new Map<string, string>();
    const cookieFor = async (email: string) => {
      if (!cookies.has(email)) {
        const r = await fetch(`${base}/login`, {
          method: "POST", redirect: "manual", headers: { Origin: base },
          body: new URLSearchParams({ email, password: "sinergi-demo" }),
        });
        const m = /sinergi_session=([^;]+)/.exec(r.headers.get("set-cookie") ?? "");
        if (!m) throw new Error(`login gagal: ${email}`);
        cookies.set(email, `sinergi_session=${m[1]}`);
      }
      return cookies.get(email)!;
    };

    const rows: { name: string; rps: number; p50: number; p99: number; cpu: number; errors: number; ratio: number; minRatio?: number; maxP99Ms?: number; baseline?: boolean }[] = [];
    const baselineTarget = targets.find((t) => t.baseline)!;
    const baselineUrl = base + (await baselineTarget.path(ctx));
    // Each page's ratio is taken against the no-database page measured just before AND just after
    // it (their mean): the machine's speed drifts over a run (other work on a shared host), and one
    // baseline measured at the start — or only before — would move the ratio with it.
    const pairedBaseline = async () => (await autocannon({ url: baselineUrl, connections, duration: Math.max(2, duration / 2) })).requests.average;
    for (const t of targets) {
      const url = base + (await t.path(ctx));
      const headers: Record<string, string> = t.as ? { cookie: await cookieFor(t.as) } : {};
      const check = await fetch(url, { headers, redirect: "manual" });
      if (check.status !== 200) throw new Error(`${t.name}: status ${check.status} untuk ${url}`);
      await autocannon({ url, headers, connections, duration: 2 }); // warm-up
      const referenceBefore = t.baseline ? null : await pairedBaseline();
      const before = cpuTicks(child.pid!);
      const r = await autocannon({ url, headers, connections, duration });
      const cpuMs = (cpuTicks(child.pid!) - before) * TICK_MS;
      const reference = referenceBefore === null ? null : (referenceBefore + (await pairedBaseline())) / 2;
      rows.push({
        name: t.name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
        cpu: r.requests.total ? cpuMs / r.requests.total : NaN, errors: r.non2xx + r.errors,
        ratio: reference ? r.requests.average / reference : 1,
        minRatio: t.minRatio, maxP99Ms: t.maxP99Ms, baseline: t.baseline,
      });
      process.stdout.write(".");
    }
    process.stdout.write("\n\n");
    const fmt = (n: number, d = 0) => n.toLocaleString("id-ID", { maximumFractionDigits: d, minimumFractionDigits: d });
    console.log(`Beban: autocannon, ${connections} koneksi, ${duration} dtk per halaman, loopback, NODE_ENV=production.\n`);
    console.log("| Halaman | req/dtk | p50 ms | p99 ms | CPU ms/req | × tanpa DB (diukur tepat sebelum & sesudahnya) | target | galat |");
    console.log("|---|---:|---:|---:|---:|---:|---|---:|");
    for (const r of rows) {
      const ratio = r.ratio;
      const goals: string[] = [];
      if (r.minRatio) goals.push(`≥ ${fmt(r.minRatio, 2)}× ${ratio >= r.minRatio ? "✓" : "✗"}`);
      if (r.maxP99Ms) goals.push(`p99 < ${r.maxP99Ms} ms ${r.p99 < r.maxP99Ms ? "✓" : "✗"}`);
      console.log(`| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.cpu, 2)} | ${fmt(ratio, 2)} | ${goals.join(", ") || "acuan"} | ${r.errors} |`);
    }
    console.log("\n| Pekerjaan di dalam proses | median ms | target |");
    console.log("|---|---:|---|");
    for (const m of await measureInProcess({ db })) {
      const goals = [`< ${fmt(m.maxMs)} ms ${m.ms < m.maxMs ? "✓" : "✗"}`];
      if (m.heapMb !== undefined && m.maxHeapMb) goals.push(`heap +${fmt(m.heapMb)} MB < ${fmt(m.maxHeapMb)} MB ${m.heapMb < m.maxHeapMb ? "✓" : "✗"}`);
      console.log(`| ${m.name} | ${fmt(m.ms)} | ${goals.join(", ")} |`);
    }
  } finally {
    child.kill("SIGTERM");
    await db.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
