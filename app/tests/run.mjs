// `npm test`: the browser stories on the built app (npm run build first), with a clean
// test-results/ so every screenshot there is from this run.
import { rmSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
rmSync(join(here, "..", "test-results"), { recursive: true, force: true });
const files = readdirSync(here).filter((f) => f.endsWith(".test.mjs")).sort().map((f) => join(here, f));
// one story at a time: each drives its own Chromium, and the machine has two cores
const run = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...process.argv.slice(2), ...files], { stdio: "inherit" });
process.exit(run.status ?? 1);
