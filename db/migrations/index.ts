// Every migration, in order. Add a new file here with a sortable date prefix; never edit an old one.
import type { Migration } from "kysely";
import * as m0001 from "./2026-11-22-0001-foundation";
import * as m0002 from "./2026-11-22-0002-meetings";
import * as m0003 from "./2026-11-22-0003-member-admin-index";
import * as m0004 from "./2026-11-22-0004-training";
import * as m0005 from "./2026-11-22-0005-rubric-library";
import * as m0010 from "./2026-11-22-0010-peer-review";
import * as m0011 from "./2026-11-22-0011-training-count-indexes";
import * as m0012 from "./2026-11-22-0012-participation";
import * as m0013 from "./2026-11-22-0013-peer-board-indexes";
import * as m0014 from "./2026-11-22-0014-quality-summary";
import * as m0015 from "./2026-11-22-0015-list-page-indexes";

export const migrations: Record<string, Migration> = {
  "2026-11-22-0001-foundation": m0001,
  "2026-11-22-0002-meetings": m0002,
  "2026-11-22-0003-member-admin-index": m0003,
  "2026-11-22-0004-training": m0004,
  "2026-11-22-0005-rubric-library": m0005,
  "2026-11-22-0010-peer-review": m0010,
  "2026-11-22-0011-training-count-indexes": m0011,
  "2026-11-22-0012-participation": m0012,
  "2026-11-22-0013-peer-board-indexes": m0013,
  "2026-11-22-0014-quality-summary": m0014,
  "2026-11-22-0015-list-page-indexes": m0015,
};
