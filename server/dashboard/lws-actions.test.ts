import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEADER_WORKER_SETS } from "@/lib/k8s/resources";
import { startTestServer, type TestServer } from "@/server/testing/test-server";
import { runLwsAction } from "./lws-actions";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ lws: "admission" });
  await server.cluster.client.create(LEADER_WORKER_SETS, {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name: "x", namespace: "default" },
    spec: { replicas: 2, leaderWorkerTemplate: { size: 2, workerTemplate: { spec: { containers: [{ name: "main", image: "vllm:1" }] } } } },
  });
});
afterEach(() => server.close());

const live = () => server.cluster.client.get(LEADER_WORKER_SETS, "default", "x");

describe("quick actions on an LWS", () => {
  it("scales and changes the image when the user saw the latest version", async () => {
    const scaled = await runLwsAction(server.cluster.client, "default", "x", { action: "scale", replicas: 5, expected: 2 });
    expect((scaled!.spec as { replicas: number }).replicas).toBe(5);
    const updated = await runLwsAction(server.cluster.client, "default", "x", { action: "setImage", image: "vllm:2", expected: "vllm:1" });
    expect(JSON.stringify(updated!.spec)).toContain('"image":"vllm:2"');
  });

  it("answers 409 Conflict instead of overwriting a change made meanwhile", async () => {
    await server.cluster.client.patch(LEADER_WORKER_SETS, "default", "x", { type: "merge", body: { spec: { replicas: 3, leaderWorkerTemplate: { workerTemplate: { spec: { containers: [{ name: "main", image: "vllm:9" }] } } } } } });
    for (const action of [{ action: "scale" as const, replicas: 7, expected: 2 }, { action: "setImage" as const, image: "vllm:3", expected: "vllm:1" }]) {
      const err = await runLwsAction(server.cluster.client, "default", "x", action).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 409, reason: "Conflict", message: expect.stringContaining("changed by someone else") });
    }
    expect((await live()).spec).toMatchObject({ replicas: 3 });
  });
});
