import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serveEmbedded, type EmbeddedProcess } from "@/server/testing/embedded-process";

const dir = mkdtempSync(join(tmpdir(), "lws-durability-"));
const dbPath = join(dir, "cluster.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const serve = () => serveEmbedded(dbPath);

function create(served: EmbeddedProcess, name: string): Promise<{ name: string; rv: number } | undefined> {
  const body = JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { name } });
  return served.api("/api/v1/namespaces/default/configmaps", { method: "POST", body })
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
          void first.kill();
        }
      }
    });
    await Promise.all(writers);
    await first.kill();

    const second = await serve();
    try {
      const res = await second.api("/api/v1/namespaces/default/configmaps");
      const names = new Set(((await res.json()).items as Array<{ metadata: { name: string } }>).map((i) => i.metadata.name));
      const lost = acknowledged.filter((a) => !names.has(a.name));
      expect(lost).toEqual([]);
      const after = await create(second, "after-restart");
      expect(after!.rv).toBeGreaterThan(Math.max(...acknowledged.map((a) => a.rv)));
    } finally {
      await second.kill();
    }
  });
});
