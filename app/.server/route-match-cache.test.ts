// The memoised matchRoutes answers exactly as React Router's own, on a route table shaped like
// Sinergi's (layouts, index routes, params, splats), for repeated calls on fresh route objects.
import { matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { memoiseMatchRoutes } from "./route-match-cache";

type R = { id: string; path?: string; index?: boolean; children?: R[] };
const table = (): R[] => [
  {
    id: "root", path: "",
    children: [
      { id: "routes/_index", index: true },
      { id: "routes/pelatihan._index", path: "pelatihan", index: true },
      { id: "routes/pelatihan.$moduleId._index", path: "pelatihan/:moduleId", index: true },
      { id: "routes/pelatihan.$moduleId.tugas.$assignmentId.penilaian._index", path: "pelatihan/:moduleId/tugas/:assignmentId/penilaian", index: true },
      { id: "routes/pelatihan.$moduleId.tugas.$assignmentId.penilaian.$submissionId", path: "pelatihan/:moduleId/tugas/:assignmentId/penilaian/:submissionId" },
      { id: "routes/instansi.$id.anggota", path: "instansi/:id/anggota" },
      { id: "routes/kalender.$token[.]ics", path: "kalender/:token.ics" },
      { id: "routes/$", path: "*" },
    ],
  },
];

const plain = (m: ReturnType<typeof matchRoutes>) => m?.map((x) => ({ id: x.route.id, params: { ...x.params }, pathname: x.pathname, pathnameBase: x.pathnameBase })) ?? null;

describe("memoised matchRoutes", () => {
  const memo = memoiseMatchRoutes(matchRoutes as never);
  const paths = [
    "/", "/pelatihan", "/pelatihan/", "/pelatihan/m1", "/pelatihan/m1/tugas/a1/penilaian", "/pelatihan/m1/tugas/a1/penilaian/s9",
    "/pelatihan/m2/tugas", "/instansi/x/anggota?q=a", "/kalender/abc.ics", "/tidak/ada", "/PELATIHAN/m1",
  ];
  it("gives the same matches as React Router, on every call, pointing at the caller's own route objects", () => {
    for (let round = 0; round < 3; round++) {
      for (const p of paths) {
        const routes = table(); // Remix rebuilds its route objects per request
        const expected = plain(matchRoutes(routes as never, p));
        const got = memo(routes as never, p);
        expect(plain(got as never)).toEqual(expected);
        if (got) for (const m of got) expect(routes[0] === m.route || JSON.stringify(routes).includes(`"${m.route.id}"`)).toBe(true);
        if (got?.length) expect(got[0].route).toBe(routes[0]);
      }
    }
  });
  it("keys on the table's shape: a different table is matched afresh", () => {
    const a = table();
    const b = table();
    b[0].children = b[0].children!.filter((c) => c.id !== "routes/pelatihan.$moduleId._index");
    expect(plain(memo(a as never, "/pelatihan/m1") as never)?.at(-1)?.id).toBe("routes/pelatihan.$moduleId._index");
    expect(plain(memo(b as never, "/pelatihan/m1") as never)?.at(-1)?.id).toBe("routes/$");
  });
  it("leaves routes without ids to the original", () => {
    const routes = [{ path: "a" }];
    expect(memo(routes as never, "/a")?.[0].route).toBe(routes[0]);
  });
});
