import { startTestServer } from "./test-server";

/**
 * A standalone embedded API server on a SQLite file, for tests that must kill a real process
 * (kill -9) and start it again. Prints one JSON line with its URL and token when serving.
 */
async function main(): Promise<void> {
  const dbPath = process.argv[2];
  if (!dbPath) throw new Error("usage: serve-embedded.ts <cluster.db>");
  const server = await startTestServer({ dbPath });
  process.stdout.write(JSON.stringify({ url: server.url, token: server.token }) + "\n");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
