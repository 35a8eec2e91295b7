import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

/** An embedded cluster in a child process of its own, which a test can kill -9 and start again. */
export interface EmbeddedProcess {
  child: ChildProcess;
  url: string;
  token: string;
  /** An API request with the bearer token; JSON bodies get their content type. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** kill -9, resolved once the process is gone */
  kill(): Promise<void>;
}

/** Serves `dbPath` (see serve-embedded.ts for `args`) and resolves once it answers. */
export function serveEmbedded(dbPath: string, args: string[] = []): Promise<EmbeddedProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./serve-embedded.ts", import.meta.url)), dbPath, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", (line) => {
      const { url, token } = JSON.parse(line) as { url: string; token: string };
      const api = (path: string, init: RequestInit = {}) =>
        fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers } });
      const kill = () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode) return done();
          child.once("exit", () => done());
          child.kill("SIGKILL");
        });
      resolve({ child, url, token, api, kill });
    });
  });
}
