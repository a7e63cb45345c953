// Client-side navigation for plain `<a href>` links, through one click handler on a container.
// A router <Link> costs several hooks on every server render; a page that repeats links (the
// header's menus, long lists) renders plain anchors inside a container with this handler and still
// navigates without a full page load once JavaScript has loaded. Before that, or for a link marked
// `data-reload` (downloads, files, resource routes), the browser follows the link as usual.
import { useNavigate } from "@remix-run/react";
import { useCallback, type MouseEvent } from "react";

export function useClientNavigation() {
  const navigate = useNavigate();
  return useCallback(
    (e: MouseEvent<HTMLElement>) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey) return;
      const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!(a instanceof HTMLAnchorElement) || !e.currentTarget.contains(a)) return;
      if ((a.target && a.target !== "_self") || a.hasAttribute("download") || a.hasAttribute("data-reload")) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      // A jump within the same page (#main, #invite-title) is the browser's job.
      if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return;
      e.preventDefault();
      a.closest("details")?.removeAttribute("open"); // a menu closes behind the link chosen in it
      navigate(url.pathname + url.search + url.hash);
    },
    [navigate],
  );
}
