// Sinergi's HTTP entry point. On start it migrates the database and loads the demo network when the
// database is empty, then serves the Remix app behind a few guards every request passes:
// an enforced Content-Security-Policy with a per-request nonce, a CSRF check (Origin /
// Sec-Fetch-Site) on every non-GET request, and a request-size limit.
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { createDb, DEFAULT_DATABASE_URL } from "./db/connection";
import { migrateToLatest } from "./db/migrate";
import { seedDemoIfEmpty } from "./seeds/demo";
import { installRouteMatchCache } from "./app/.server/route-match-cache";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

/** Bodies larger than this are refused before they reach a route (uploads set their own limits below it). */
const MAX_FORM_BYTES = 1 * 1024 * 1024;
const MAX_MULTIPART_BYTES = 60 * 1024 * 1024;
/** A lesson form may carry a video of up to 200 MB (streamed to disk), plus its PDFs and fields. */
const MAX_LESSON_UPLOAD_BYTES = 260 * 1024 * 1024;
const LESSON_FORM = /^\/pelatihan\/[^/]+\/materi\/(baru|[^/]+\/ubah)$/;

async function prepareDatabase() {
  const db = createDb(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    const ran = await migrateToLatest(db);
    if (ran.length) console.log(`Migrasi dijalankan: ${ran.join(", ")}`);
    if (process.env.SEED_DEMO !== "false" && (await seedDemoIfEmpty(db))) {
      console.log("Data contoh \"Bakohumas Kabupaten Sukamaju\" dimuat.");
    }
  } finally {
    await db.destroy();
  }
}

function plainPage(res: Response, status: number, title: string, message: string) {
  res
    .status(status)
    .type("html")
    .send(
      `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} — Sinergi</title></head>` +
        `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#18212c"><h1 style="color:#0d2c43">${title}</h1><p>${message}</p><p><a href="/">Kembali ke beranda</a></p></body></html>`,
    );
}

function securityHeaders(req: Request, res: Response, next: NextFunction) {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  // Mux Data's beacons (https://<env key>.litix.io) only when monitoring is configured.
  const mux = process.env.MUX_DATA_ENV_KEY ? " https://*.litix.io" : "";
  const scriptSrc = production ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : `'self' 'unsafe-inline' 'unsafe-eval'`;
  const connectSrc = production ? `'self'${mux}` : `'self' ws:${mux}`;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src ${scriptSrc}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "media-src 'self' https: blob:",
      `connect-src ${connectSrc}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
  next();
}

/** Refuses state-changing requests that did not come from one of our own pages. */
function csrfCheck(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const site = req.get("Sec-Fetch-Site");
  const origin = req.get("Origin");
  const hostHeader = req.get("Host");
  let ok = false;
  if (site) ok = site === "same-origin";
  else if (origin && hostHeader) {
    try {
      ok = new URL(origin).host === hostHeader;
    } catch {
      ok = false;
    }
  }
  if (!ok) return plainPage(res, 403, "Permintaan ditolak", "Permintaan ditolak karena tidak berasal dari halaman Sinergi. Muat ulang halaman lalu coba lagi.");
  next();
}

function bodyLimit(req: Request, res: Response, next: NextFunction) {
  const len = Number(req.get("Content-Length") ?? 0);
  const multipart = (req.get("Content-Type") ?? "").startsWith("multipart/form-data");
  const max = !multipart ? MAX_FORM_BYTES : LESSON_FORM.test(req.path) ? MAX_LESSON_UPLOAD_BYTES : MAX_MULTIPART_BYTES;
  if (len > max) return plainPage(res, 413, "Data terlalu besar", "Data yang dikirim terlalu besar. Kembali ke halaman sebelumnya; isian Anda masih ada di sana.");
  next();
}

async function main() {
  installRouteMatchCache();
  await prepareDatabase();
  // The persisted-reminder runner (see app/.server/jobs.server.ts); imported after migrating.
  (await import("./app/.server/jobs.server")).startBackgroundJobs();

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
  // Behind a reverse proxy that compresses, set COMPRESSION=off to save the CPU.
  if (process.env.COMPRESSION !== "off") app.use(compression());

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (production) {
    const buildDir = process.env.REMIX_BUILD_DIR ?? "build";
    // tsx turns source maps on, and gives the bundled build one that only maps the file onto itself;
    // the first stack trace would parse it into ~100 MB of heap that every full collection then walks
    // (a 300 ms stall under load, ADR 0019). The build is loaded without it.
    const sourceMaps = process.sourceMapsEnabled;
    process.setSourceMapsEnabled(false);
    build = (await import(pathToFileURL(path.resolve(buildDir, "server/index.js")).href)) as ServerBuild;
    process.setSourceMapsEnabled(sourceMaps);
    app.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y" }));
    // Other public files (favicon…) have an extension; page paths never do, so they skip the disk.
    const publicFiles = express.static(`${buildDir}/client`, { maxAge: "1h", index: false });
    app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));
  } else {
    const vite = await import("vite");
    const devServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(devServer.middlewares);
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    app.use(express.static("public", { maxAge: "1h" }));
  }

  app.use(securityHeaders);
  app.use(bodyLimit);
  app.use(csrfCheck);

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, ip: req.ip ?? "" }),
    }),
  );

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    console.error(err);
    if (!res.headersSent) plainPage(res, 500, "Terjadi kesalahan", "Maaf, terjadi kesalahan pada server. Data Anda tidak berubah. Silakan coba lagi.");
  });

  if (production && !process.env.PUBLIC_URL) {
    console.warn("PUBLIC_URL belum diatur: tautan dalam e-mail memakai http://localhost. Atur PUBLIC_URL untuk pemakaian di jaringan.");
  }
  const server = app.listen(port, host, () => {
    console.log(`Sinergi berjalan di http://localhost:${port}`);
  });
  // Finish what is in flight, then exit (reminders are rows, so nothing scheduled is lost).
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
