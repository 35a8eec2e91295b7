import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface AppServer {
  child: ChildProcess;
  port: number;
  baseURL: string;
  dataDir: string;
  logs: () => string;
  /** sends SIGTERM and resolves with the exit code */
  stop(): Promise<number | null>;
}

const root = fileURLToPath(new URL("../..", import.meta.url));
let nextPort = Number(process.env.E2E_PORT ?? 3311) + 10;

/** Starts the app exactly as `npm start` does, on its own port and data dir. */
export async function startApp(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<AppServer> {
  const port = nextPort++;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "lws-e2e-"));
  const child = spawn(process.execPath, [join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LWS_DATA_DIR: dataDir, LWS_SIM_POD_STARTUP_MS: "0", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await waitForHealth(baseURL, exited, () => output);
  return {
    child,
    port,
    baseURL,
    dataDir,
    logs: () => output,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

async function waitForHealth(baseURL: string, exited: Promise<number | null>, logs: () => string): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (done) throw new Error(`the app exited before serving:\n${logs()}`);
    const ok = await fetch(`${baseURL}/api/healthz`).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app did not become healthy:\n${logs()}`);
}
