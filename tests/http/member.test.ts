// The member page through the real production server: who may see and manage an agency's members,
// invitations by an agency admin, and the sign-up → approval → sign-in flow.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "#tests/helpers/server";

let s: TestServer;
let sqlite: Database.Database;
let dinkes: string;
let pupr: string;

const agencyId = (short: string) => (sqlite.prepare("select id from agency where short_name = ?").get(short) as { id: string }).id;
const userByEmail = (email: string) =>
  sqlite.prepare("select id, status, agency_role from user where email = ?").get(email) as { id: string; status: string; agency_role: string } | undefined;
const form = (v: Record<string, string>) => new URLSearchParams(v);

beforeAll(async () => {
  s = await startServer();
  sqlite = new Database(s.dbFile, { readonly: true });
  dinkes = agencyId("Dinkes");
  pupr = agencyId("Dinas PUPR");
});
afterAll(async () => {
  sqlite?.close();
  await s?.stop();
});

describe("seeing the member list", () => {
  it("a member of the agency sees its active members, without management controls", async () => {
    const cookie = await s.login("rina@sinergi.test");
    const r = await s.request(`/instansi/${dinkes}/anggota`, { cookie });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain("Agus Setiawan");
    expect(html).toContain("Dewi Kartika");
    expect(html).toContain("Admin Instansi");
    expect(html).not.toContain("Undang petugas");
    expect(html).not.toContain("Fajar Nugroho"); // PUPR
  });

  it("someone from another agency gets 403, an unknown agency 404", async () => {
    const cookie = await s.login("rina@sinergi.test");
    const r = await s.request(`/instansi/${pupr}/anggota`, { cookie });
    expect(r.status).toBe(403);
    expect(await r.text()).not.toContain("Lestari Handayani");
    expect((await s.request("/instansi/tidak-ada/anggota", { cookie })).status).toBe(404);
  });

  it("the coordinator and pimpinan see any agency's members; searching narrows by name", async () => {
    const pimpinan = await s.login("pimpinan@sinergi.test");
    const r = await s.request(`/instansi/${pupr}/anggota?q=lestari`, { cookie: pimpinan });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain("Lestari Handayani");
    expect(html).not.toContain("Fajar Nugroho");
    expect(html).not.toContain("Undang petugas"); // pimpinan reads, does not manage
  });
});

describe("managing members", () => {
  it("the Dinkes admin invites an officer: an e-mail with an /undangan/ link lands in the outbox", async () => {
    const cookie = await s.login("admin.dinkes@sinergi.test");
    const r = await s.request(`/instansi/${dinkes}/anggota`, {
      method: "POST", cookie, body: form({ intent: "invite", email: "petugas.baru@dinkes.sukamaju.test", name: "Petugas Baru" }),
    });
    expect(r.status).toBe(302);
    const mail = sqlite.prepare("select subject, text_body from email_outbox where to_address = ?").get("petugas.baru@dinkes.sukamaju.test") as
      | { subject: string; text_body: string }
      | undefined;
    expect(mail?.text_body).toMatch(new RegExp(`${s.baseUrl.replace(/[.:/]/g, "\\$&")}/undangan/[a-z0-9]+`));
    const page = await (await s.request(`/instansi/${dinkes}/anggota`, { cookie })).text();
    expect(page).toContain("petugas.baru@dinkes.sukamaju.test"); // listed as an open invitation
  });

  it("inviting an address that already has an account answers 400 with a field message and keeps what was typed", async () => {
    const cookie = await s.login("admin.dinkes@sinergi.test");
    const r = await s.request(`/instansi/${dinkes}/anggota`, {
      method: "POST", cookie, body: form({ intent: "invite", email: "agus.dinkes@sinergi.test", name: "Agus Lagi" }),
    });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("E-mail ini sudah memiliki akun di Sinergi.");
    expect(html).toContain('value="Agus Lagi"');
  });

  it("the Dinkes admin cannot touch PUPR's members: 403, nothing changed, no PUPR names shown", async () => {
    const cookie = await s.login("admin.dinkes@sinergi.test");
    const lestari = userByEmail("lestari.pupr@sinergi.test")!;
    const attempts: Record<string, string>[] = [
      { intent: "deactivate", userId: lestari.id },
      { intent: "promote", userId: lestari.id },
      { intent: "invite", email: "siapa@pupr.sukamaju.test" },
    ];
    for (const body of attempts) {
      const r = await s.request(`/instansi/${pupr}/anggota`, { method: "POST", cookie, body: form(body) });
      expect(r.status).toBe(403);
      const html = await r.text();
      expect(html).not.toContain("Lestari Handayani");
      expect(html).not.toContain("Fajar Nugroho");
    }
    // Nor through the Dinkes page with a PUPR person's id.
    const sneaky = await s.request(`/instansi/${dinkes}/anggota`, { method: "POST", cookie, body: form({ intent: "deactivate", userId: lestari.id }) });
    expect(sneaky.status).toBe(302);
    expect(userByEmail("lestari.pupr@sinergi.test")).toMatchObject({ status: "active", agency_role: "member" });
    expect(sqlite.prepare("select count(*) n from invitation where email = ?").get("siapa@pupr.sukamaju.test")).toEqual({ n: 0 });
    const view = await s.request(`/instansi/${pupr}/anggota`, { cookie });
    expect(view.status).toBe(403);
    expect(await view.text()).not.toContain("Lestari Handayani");
  });

  it("a peserta cannot manage their own agency (403)", async () => {
    const cookie = await s.login("rina@sinergi.test");
    const agus = userByEmail("agus.dinkes@sinergi.test")!;
    const r = await s.request(`/instansi/${dinkes}/anggota`, { method: "POST", cookie, body: form({ intent: "deactivate", userId: agus.id }) });
    expect(r.status).toBe(403);
    expect(userByEmail("agus.dinkes@sinergi.test")?.status).toBe("active");
  });

  it("deactivation asks for confirmation first, then ends the member's access", async () => {
    const admin = await s.login("admin.dinkes@sinergi.test");
    const agusCookie = await s.login("agus.dinkes@sinergi.test");
    const agus = userByEmail("agus.dinkes@sinergi.test")!;
    const confirm = await s.request(`/instansi/${dinkes}/anggota?aksi=nonaktifkan&orang=${agus.id}`, { cookie: admin });
    const html = await confirm.text();
    expect(html).toContain("Nonaktifkan Agus Setiawan?");
    expect(html).toContain('name="intent" value="deactivate"');
    const r = await s.request(`/instansi/${dinkes}/anggota`, { method: "POST", cookie: admin, body: form({ intent: "deactivate", userId: agus.id }) });
    expect(r.status).toBe(302);
    expect(userByEmail("agus.dinkes@sinergi.test")?.status).toBe("deactivated");
    expect((await s.request("/", { cookie: agusCookie })).headers.get("location")).toContain("/login");
    const inactive = await (await s.request(`/instansi/${dinkes}/anggota?status=nonaktif`, { cookie: admin })).text();
    expect(inactive).toContain("Agus Setiawan");
    // Reactivate for the tests that follow.
    await s.request(`/instansi/${dinkes}/anggota`, { method: "POST", cookie: admin, body: form({ intent: "activate", userId: agus.id }) });
    expect(userByEmail("agus.dinkes@sinergi.test")?.status).toBe("active");
  });
});

describe("handing over the admin role", () => {
  it("is a step of its own: the list page links to it, only the agency's admin gets the form with the successors", async () => {
    const fajar = await s.login("fajar@sinergi.test");
    const list = await (await s.request(`/instansi/${pupr}/anggota`, { cookie: fajar })).text();
    expect(list).toContain(`/instansi/${pupr}/anggota?aksi=serah-terima`);
    expect(list).not.toContain('name="successorId"');
    const step = await (await s.request(`/instansi/${pupr}/anggota?aksi=serah-terima`, { cookie: fajar })).text();
    expect(step).toContain('name="successorId"');
    expect(step).toContain("Lestari Handayani");
    // The coordinator manages the agency's members but has no admin role here to hand over.
    const coordinator = await s.login("koordinator@sinergi.test");
    const theirs = await (await s.request(`/instansi/${pupr}/anggota?aksi=serah-terima`, { cookie: coordinator })).text();
    expect(theirs).not.toContain('name="successorId"');
    expect(theirs).toContain("Lestari Handayani"); // the ordinary list instead
  });

  it("needs the confirmation tick; leaving makes the successor admin and signs the former admin out", async () => {
    const fajar = await s.login("fajar@sinergi.test");
    const lestari = userByEmail("lestari.pupr@sinergi.test")!;
    const unsure = await s.request(`/instansi/${pupr}/anggota`, {
      method: "POST", cookie: fajar, body: form({ intent: "handover", successorId: lestari.id, after: "leave" }),
    });
    expect(unsure.status).toBe(400);
    const again = await unsure.text();
    expect(again).toContain("Centang kotak ini untuk mengonfirmasi.");
    expect(again).toContain('name="successorId"'); // the form again, with its choices
    expect(userByEmail("fajar@sinergi.test")?.agency_role).toBe("admin");

    const r = await s.request(`/instansi/${pupr}/anggota`, {
      method: "POST", cookie: fajar, body: form({ intent: "handover", successorId: lestari.id, after: "leave", sure: "on" }),
    });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("/login");
    expect(userByEmail("lestari.pupr@sinergi.test")).toMatchObject({ agency_role: "admin", status: "active" });
    expect(userByEmail("fajar@sinergi.test")).toMatchObject({ agency_role: "member", status: "deactivated" });
    expect((await s.request("/", { cookie: fajar })).status).toBe(302);
    const newAdmin = await s.login("lestari.pupr@sinergi.test");
    const page = await (await s.request(`/instansi/${pupr}/anggota?status=nonaktif`, { cookie: newAdmin })).text();
    expect(page).toContain("Fajar Nugroho");
    expect(page).toContain('value="activate"');
  });
});

describe("joining with an agency e-mail", () => {
  it("sign up on the Dinkes domain → admin.dinkes approves → the person can sign in", async () => {
    const signup = await s.request("/daftar", {
      method: "POST",
      body: form({ name: "Sari Puspita", email: "sari.puspita@dinkes.sukamaju.test", password: "melati-putih-pagi", confirm: "melati-putih-pagi" }),
    });
    expect(signup.status).toBe(302);
    expect(signup.headers.get("location")).toBe("/login");
    const flash = await (await s.request("/login", { headers: { Cookie: signup.headers.get("set-cookie")!.split(";")[0] } })).text();
    expect(flash).toContain("Anda dapat masuk setelah disetujui admin instansi");
    expect(userByEmail("sari.puspita@dinkes.sukamaju.test")?.status).toBe("pending");

    const early = await s.request("/login", { method: "POST", body: form({ email: "sari.puspita@dinkes.sukamaju.test", password: "melati-putih-pagi" }) });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("menunggu persetujuan");

    const admin = await s.login("admin.dinkes@sinergi.test");
    const page = await (await s.request(`/instansi/${dinkes}/anggota`, { cookie: admin })).text();
    expect(page).toContain("Permintaan bergabung");
    expect(page).toContain("sari.puspita@dinkes.sukamaju.test");
    const requestId = /name="requestId" value="([^"]+)"/.exec(page)![1];
    const approve = await s.request(`/instansi/${dinkes}/anggota`, { method: "POST", cookie: admin, body: form({ intent: "approve", requestId }) });
    expect(approve.status).toBe(302);

    const cookie = await s.login("sari.puspita@dinkes.sukamaju.test", "melati-putih-pagi");
    const home = await s.request("/", { cookie });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Sari Puspita");
  });

  it("an unknown domain gets a clear message and creates nothing; a taken address says only that it is registered", async () => {
    const r = await s.request("/daftar", {
      method: "POST", body: form({ name: "Orang Luar", email: "orang@gmail.test", password: "melati-putih-pagi", confirm: "melati-putih-pagi" }),
    });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("belum terdaftar untuk instansi mana pun");
    expect(html).toContain('value="Orang Luar"');
    expect(html).not.toContain("melati-putih-pagi");
    expect(userByEmail("orang@gmail.test")).toBeUndefined();

    const taken = await s.request("/daftar", {
      method: "POST", body: form({ name: "Rina Lagi", email: "rina@sinergi.test", password: "melati-putih-pagi", confirm: "melati-putih-pagi" }),
    });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("E-mail ini sudah terdaftar.");
  });

  it("a signed-in person is sent away from /daftar", async () => {
    const cookie = await s.login("rina@sinergi.test");
    const r = await s.request("/daftar", { cookie });
    expect(r.status).toBe(302);
  });
});

describe("sign-up rate limit", () => {
  // Last in the file: it uses up this IP's sign-up allowance on the test server.
  it("too many sign-ups from one address get the form back with a message", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) {
      last = await s.request("/daftar", {
        method: "POST", body: form({ name: `Pendaftar ${i}`, email: `p${i}@contoh-luar.test`, password: "melati-putih-pagi", confirm: "melati-putih-pagi" }),
      });
    }
    expect(last!.status).toBe(429);
    const html = await last!.text();
    expect(html).toContain("Terlalu banyak percobaan");
    expect(html).toContain('value="Pendaftar 10"');
  });
});
