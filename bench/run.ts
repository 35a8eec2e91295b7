import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import SERVER_NODE_FLAGS from "../scripts/server-node-flags.json";
import { machineReferenceMs } from "./machine-reference";
import { SCENARIOS, unknownScenarios } from "./scenarios";

/**
 * `npm run bench`: every scenario prints its figures next to the targets. Each runs in a
 * process of its own, so no scenario's figures carry what an earlier one left in the heap (the
 * memory figures least of all), in production mode and with the Node flags `npm start` runs the
 * server with.
 * `npm run bench -- lws` runs only the scenarios named. A machine reference is timed before and
 * after them, so figures from different runs can be told apart from the machine's own pace.
 */
function main(): number {
  console.log(`LWS Console benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  const named = process.argv.slice(2);
  const unknown = unknownScenarios(named);
  if (unknown) {
    console.error(unknown);
    return 2;
  }
  const before = machineReferenceMs();
  for (const name of named.length > 0 ? named : Object.keys(SCENARIOS)) {
    const child = spawnSync(process.execPath, [...process.execArgv, ...SERVER_NODE_FLAGS, fileURLToPath(new URL("./scenario.ts", import.meta.url)), name], {
      stdio: "inherit",
      // The figures are the product's: `npm start` runs the server in production mode.
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (child.status !== 0) {
      console.error(`scenario ${name} failed (exit ${child.status ?? child.signal})`);
      return 1;
    }
  }
  console.log(`\n## Machine reference (fixed CPU work: lower is a faster machine, or hour)\n  before ${before.toFixed(0)} ms, after ${machineReferenceMs().toFixed(0)} ms`);
  return 0;
}

process.exitCode = main();
