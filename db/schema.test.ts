import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { generateSchemaSource } from "./gen-types";

it("db/schema.ts matches the migrated database (run `npm run db:types` after a migration)", async () => {
  expect(readFileSync("db/schema.ts", "utf8")).toBe(await generateSchemaSource());
});
