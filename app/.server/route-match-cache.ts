// Route matching, memoised. React Router's `matchRoutes` flattens and ranks the WHOLE route table on
// every call, and Remix calls it about nine times per document request (server match, render, and
// the lazy-discovery manifest once per parent path), on route objects it rebuilds per request. With
// ~90 routes that was ~15 % of a page's CPU, growing with every route added (ADR 0013).
//
// The result of a match depends only on the route table's shape (ids, paths, index and case flags),
// the pathname and the basename. So the shape is fingerprinted once per route array, the matched
// route ids are cached per (shape, basename, pathname), and each call gets fresh match objects
// pointing at ITS OWN route objects. Anything unusual (a route without an id, a location without a
// pathname) goes to the original function. Installed once at server start.
import { createRequire } from "node:module";

interface RouteLike { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: RouteLike[] }
interface MatchLike { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: RouteLike }
type MatchRoutes = (routes: RouteLike[], location: string | { pathname?: string }, basename?: string) => MatchLike[] | null;

const MAX_ENTRIES = 5000;

export function memoiseMatchRoutes(original: MatchRoutes): MatchRoutes {
  const tables = new WeakMap<RouteLike[], { shape: string; byId: Map<string, RouteLike> } | null>();
  const cache = new Map<string, { ids: string[]; params: Record<string, string | undefined>[]; pathname: string[]; pathnameBase: string[] } | null>();

  const describe = (routes: RouteLike[]) => {
    if (tables.has(routes)) return tables.get(routes)!;
    const byId = new Map<string, RouteLike>();
    const parts: string[] = [];
    let ok = true;
    const walk = (list: RouteLike[]) => {
      parts.push("[");
      for (const r of list) {
        if (!r.id || byId.has(r.id)) ok = false;
        else byId.set(r.id, r);
        parts.push(`${r.id}|${r.path ?? ""}|${r.index ? 1 : 0}|${r.caseSensitive ? 1 : 0}`);
        if (r.children?.length) walk(r.children);
        parts.push(";");
      }
      parts.push("]");
    };
    walk(routes);
    const table = ok ? { shape: parts.join(""), byId } : null;
    tables.set(routes, table);
    return table;
  };

  return (routes, location, basename = "/") => {
    const pathname = typeof location === "string" ? location.split(/[?#]/)[0] : location?.pathname;
    const table = Array.isArray(routes) && pathname != null ? describe(routes) : null;
    if (!table) return original(routes, location, basename);
    const key = `${basename}\u0000${pathname}\u0000${table.shape}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      const matches = original(routes, location, basename);
      hit = matches
        ? {
            ids: matches.map((m) => m.route.id!),
            params: matches.map((m) => m.params),
            pathname: matches.map((m) => m.pathname),
            pathnameBase: matches.map((m) => m.pathnameBase),
          }
        : null;
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(key, hit);
      return matches;
    }
    if (!hit) return null;
    return hit.ids.map((id, i) => ({
      params: { ...hit!.params[i] },
      pathname: hit!.pathname[i],
      pathnameBase: hit!.pathnameBase[i],
      route: table.byId.get(id)!,
    }));
  };
}

let installed = false;
/** Replaces `matchRoutes` on the one CommonJS instance of @remix-run/router that Remix uses. */
export function installRouteMatchCache(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const router = require("@remix-run/router") as { matchRoutes: MatchRoutes };
  router.matchRoutes = memoiseMatchRoutes(router.matchRoutes);
}
