// `npm run test:e2e`: makes sure the app is built, then runs Playwright (Debian's Chromium).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildIfStale } from "./build-if-stale.mjs";

buildIfStale();
const cli = join(import.meta.dirname, "..", "node_modules", "@playwright", "test", "cli.js");
const run = spawnSync(process.execPath, [cli, "test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
