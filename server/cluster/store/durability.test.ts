import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "lws-durability-"));
const dbPath = join(dir, "cluster.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Served {
  child: ChildProcess;
  url: string;
  token: string;
}

function serve(): Promise<Served> {
  const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "../../testing/serve-embedded.ts"), dbPath], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", (line) => resolve({ child, ...(JSON.parse(line) as { url: string; token: string }) }));
  });
}

function create(served: Served, name: string): Promise<{ name: string; rv: number } | undefined> {
  const body = JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { name } });
  return fetch(`${served.url}/api/v1/namespaces/default/configmaps`, { method: "POST", headers: { authorization: `Bearer ${served.token}`, "content-type": "application/json" }, body })
    .then(async (res) => (res.status === 201 ? { name, rv: Number((await res.json()).metadata.resourceVersion) } : undefined))
    .catch(() => undefined);
}

describe("durability", () => {
  it("keeps every acknowledged write across kill -9, and resourceVersions keep increasing", async () => {
    const first = await serve();
    const acknowledged: Array<{ name: string; rv: number }> = [];
    let killed = false;
    // Writers run concurrently; the process is killed while requests are still in flight.
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !killed; i++) {
        const ack = await create(first, `cm-${w}-${i}`);
        if (ack) acknowledged.push(ack);
        if (acknowledged.length >= 150 && !killed) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      }
    });
    await Promise.all(writers);
    await new Promise((resolve) => (first.child.exitCode !== null || first.child.signalCode ? resolve(null) : first.child.once("exit", resolve)));

    const second = await serve();
    try {
      const res = await fetch(`${second.url}/api/v1/namespaces/default/configmaps`, { headers: { authorization: `Bearer ${second.token}` } });
      const names = new Set(((await res.json()).items as Array<{ metadata: { name: string } }>).map((i) => i.metadata.name));
      const lost = acknowledged.filter((a) => !names.has(a.name));
      expect(lost).toEqual([]);
      const after = await create(second, "after-restart");
      expect(after!.rv).toBeGreaterThan(Math.max(...acknowledged.map((a) => a.rv)));
    } finally {
      second.child.kill("SIGKILL");
    }
  });
});
