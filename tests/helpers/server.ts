// Starts the production build of Sinergi as a real server on its own database file, for HTTP-level
// tests (permission matrix, CSRF, bad input). Requires `npm run build` first (npm test does it).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface TestServer {
  baseUrl: string;
  dbFile: string;
  stop(): Promise<void>;
  /** fetch with the Origin header a browser would send, and no redirect following */
  request(pathname: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  login(email: string, password?: string): Promise<string>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function startServer(opts: { env?: Record<string, string> } = {}): Promise<TestServer> {
  const buildDir = process.env.REMIX_BUILD_DIR ?? "build";
  if (!fs.existsSync(`${buildDir}/server/index.js`)) throw new Error(`Jalankan \`npm run build\` dulu: ${buildDir}/server/index.js tidak ada.`);
  const port = await freePort();
  const dir = path.resolve("tests/.tmp");
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, `srv-${process.pid}-${port}.db`);
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(dbFile + s, { force: true });
  const uploadDir = path.join(dir, `uploads-${port}`);
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${dbFile}`,
      UPLOAD_DIR: uploadDir,
      COOKIE_SECURE: "false",
      RATE_LIMIT_FACTOR: "1",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${baseUrl}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`Server tidak mau jalan:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }

  const request: TestServer["request"] = (pathname, init = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has("Origin")) headers.set("Origin", baseUrl);
    if (init.cookie) headers.set("Cookie", init.cookie);
    return fetch(baseUrl + pathname, { ...init, headers, redirect: "manual" });
  };

  return {
    baseUrl,
    dbFile,
    request,
    async login(email, password = "sinergi-demo") {
      const r = await request("/login", { method: "POST", body: new URLSearchParams({ email, password }) });
      const setCookie = r.headers.get("set-cookie") ?? "";
      const m = /sinergi_session=([^;]+)/.exec(setCookie);
      if (r.status !== 302 || !m) throw new Error(`Login gagal untuk ${email}: ${r.status}`);
      return `sinergi_session=${m[1]}`;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
    },
  };
}
