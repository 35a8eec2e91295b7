import { INSTANT_SIMULATION, startTestServer } from "./test-server";

/**
 * A standalone embedded API server on a SQLite file, for tests that must kill a real process
 * (kill -9) and start it again. Prints one JSON line with its URL and token when serving.
 * `--lws=<pod start-up ms>` runs the whole cluster too: the LWS controller and the simulated
 * data plane, its pods starting after that many milliseconds.
 */
async function main(): Promise<void> {
  const [dbPath, lwsFlag] = process.argv.slice(2);
  if (!dbPath) throw new Error("usage: serve-embedded.ts <cluster.db> [--lws=<pod start-up ms>]");
  const startupMs = lwsFlag?.startsWith("--lws=") ? Number(lwsFlag.slice("--lws=".length)) : undefined;
  const whole = startupMs === undefined ? {} : { lws: "controller" as const, simulation: { dataPlane: { ...INSTANT_SIMULATION.dataPlane, podStartupMs: startupMs } } };
  const server = await startTestServer({ dbPath, ...whole });
  process.stdout.write(JSON.stringify({ url: server.url, token: server.token }) + "\n");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
