import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { KubeList, KubeObject } from "@/lib/k8s/types";
import { serveEmbedded, type EmbeddedProcess } from "@/server/testing/embedded-process";
import { waitFor } from "@/server/testing/wait-for";

const dir = mkdtempSync(join(tmpdir(), "lws-crash-"));
const dbPath = join(dir, "cluster.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REPLICAS = 12;
const SIZE = 4;
const LWS_PATH = "/apis/leaderworkerset.x-k8s.io/v1/namespaces/default/leaderworkersets";
// Slow enough that a kill lands mid-way, fast enough for a unit test.
const serve = () => serveEmbedded(dbPath, ["--lws=150"]);

function manifest(image: string): KubeObject {
  const template = { spec: { containers: [{ name: "main", image }] } };
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name: "crash", namespace: "default" },
    spec: { replicas: REPLICAS, rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration: { maxUnavailable: 3 } }, leaderWorkerTemplate: { size: SIZE, workerTemplate: template } },
  };
}

async function pods(served: EmbeddedProcess): Promise<KubeObject[]> {
  const res = await served.api("/api/v1/namespaces/default/pods?labelSelector=leaderworkerset.sigs.k8s.io/name%3Dcrash");
  return ((await res.json()) as KubeList).items;
}

const imageOf = (pod: KubeObject) => (pod.spec as { containers: Array<{ image: string }> }).containers[0].image;
const ready = (pod: KubeObject) => !pod.metadata.deletionTimestamp && !!(pod.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions?.some((c) => c.type === "Ready" && c.status === "True");

/** Every group Ready on `image`, no pod to spare, and the LWS status saying so. */
async function converged(served: EmbeddedProcess, image: string): Promise<Record<string, unknown>> {
  return waitFor(async () => {
    const all = await pods(served);
    if (all.length !== REPLICAS * SIZE || !all.every((p) => ready(p) && imageOf(p) === image)) return undefined;
    const lws = (await (await served.api(`${LWS_PATH}/crash`)).json()) as KubeObject;
    const status = lws.status as Record<string, unknown>;
    return status.readyReplicas === REPLICAS && status.updatedReplicas === REPLICAS ? status : undefined;
  }, { what: `all ${REPLICAS} groups Ready on ${image}`, timeoutMs: 30_000 });
}

describe("the whole embedded cluster after kill -9", () => {
  it("converges again when killed while creating an LWS and while rolling it", async () => {
    const first = await serve();
    await first.api(LWS_PATH, { method: "POST", body: JSON.stringify(manifest("app:v1")) });
    await waitFor(async () => (await pods(first)).length >= SIZE * 3, { what: "creation under way" });
    await first.kill();

    const second = await serve();
    const status = await converged(second, "app:v1");
    expect(status.conditions).toContainEqual(expect.objectContaining({ type: "Available", status: "True" }));
    await second.api(`${LWS_PATH}/crash`, { method: "PATCH", body: JSON.stringify({ spec: manifest("app:v2").spec }), headers: { "content-type": "application/merge-patch+json" } });
    await waitFor(async () => (await pods(second)).some((p) => imageOf(p) === "app:v2" && ready(p)), { what: "rolling update under way" });
    const midway = await pods(second);
    await second.kill();
    expect(midway.some((p) => imageOf(p) === "app:v1")).toBe(true);

    const third = await serve();
    try {
      await converged(third, "app:v2");
    } finally {
      await third.kill();
    }
  });
});
