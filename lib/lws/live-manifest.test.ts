import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { rebase } from "@/lib/k8s/rebase";
import type { KubeObject } from "@/lib/k8s/types";
import { applyTheirChanges, editableManifest, manifestYaml } from "./live-manifest";

const live: KubeObject = {
  apiVersion: "leaderworkerset.x-k8s.io/v1",
  kind: "LeaderWorkerSet",
  metadata: { name: "llm", namespace: "team", uid: "u1", resourceVersion: "42", generation: 3, creationTimestamp: "2026-01-01T00:00:00Z", labels: { app: "llm" }, annotations: {} },
  spec: { replicas: 2, leaderWorkerTemplate: { size: 4, workerTemplate: { spec: { containers: [{ name: "w", image: "vllm:1" }] } } } },
  status: { replicas: 2, readyReplicas: 2 },
};

describe("editableManifest", () => {
  it("keeps identity, labels and spec, and leaves status and server-owned metadata out", () => {
    expect(editableManifest(live)).toEqual({ apiVersion: live.apiVersion, kind: live.kind, metadata: { name: "llm", namespace: "team", labels: { app: "llm" } }, spec: live.spec });
  });
});

describe("applyTheirChanges", () => {
  it("rebases my edited text onto their newer object, keeping my comments and edits", () => {
    const base = editableManifest(live);
    const mine = manifestYaml(base).replace("image: vllm:1", "image: vllm:2 # canary first");
    const theirs = editableManifest({ ...live, metadata: { ...live.metadata, labels: { app: "llm", team: "infra" } }, spec: { ...(live.spec as object), replicas: 5 } });
    const { changes, conflicts } = rebase(base, parse(mine), theirs);
    expect(conflicts).toEqual([]);
    const rebased = applyTheirChanges(mine, changes);
    expect(rebased).toContain("image: vllm:2 # canary first");
    expect(parse(rebased)).toMatchObject({ metadata: { labels: { app: "llm", team: "infra" } }, spec: { replicas: 5, leaderWorkerTemplate: { size: 4 } } });
  });

  it("removes what they removed", () => {
    const source = "metadata:\n  name: llm\n  labels:\n    app: llm\nspec:\n  replicas: 2\n";
    expect(parse(applyTheirChanges(source, [{ path: ["metadata", "labels", "app"], before: "llm", value: undefined }]))).toEqual({ metadata: { name: "llm", labels: {} }, spec: { replicas: 2 } });
  });
});
