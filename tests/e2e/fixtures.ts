// The `test` every browser test uses: Playwright's own, plus a guard that fails the test when any
// page it opened throws an uncaught error — a React hydration mismatch among them. Such an error
// leaves the page looking right (React draws it again in the browser) while the phone does the work
// twice and anything typed meanwhile can be lost, so no assertion on the page would notice it.
import { test as base, type BrowserContext } from "@playwright/test";

export { expect } from "@playwright/test";

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ context, browser }, use) => {
      const errors: string[] = [];
      const watch = (ctx: BrowserContext) => {
        const onPage = (p: import("@playwright/test").Page) => p.on("pageerror", (e) => errors.push(`${p.url()}: ${e.message}`));
        ctx.pages().forEach(onPage);
        ctx.on("page", onPage);
      };
      watch(context);
      // pages of contexts a test opens itself (two people in one test)
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const ctx = await newContext(...args);
        watch(ctx);
        return ctx;
      };
      await use(errors);
      browser.newContext = newContext;
      if (errors.length) throw new Error(`Galat di halaman (mis. hidrasi React gagal):\n${errors.slice(0, 5).join("\n")}`);
    },
    { auto: true },
  ],
});
