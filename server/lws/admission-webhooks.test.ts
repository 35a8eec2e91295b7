import { describe, expect, it } from "vitest";
import { applyJsonPatch } from "@/server/cluster/apiserver/patch/json-patch";
import type { KubeObject } from "@/lib/k8s/types";
import { reviewAdmission, WEBHOOK_PATHS } from "./admission-webhooks";

const lws: KubeObject = {
  apiVersion: "leaderworkerset.x-k8s.io/v1",
  kind: "LeaderWorkerSet",
  metadata: { name: "sample", namespace: "default" },
  spec: { replicas: 2, leaderWorkerTemplate: { size: 2, workerTemplate: { spec: { containers: [{ name: "c", image: "nginx" }] } } } },
};

const review = (object: KubeObject, operation = "CREATE") => ({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: { uid: "u-1", operation, object } });

describe("LWS admission webhooks served as AdmissionReview (for real clusters)", () => {
  it("defaults an LWS through a JSON patch", () => {
    const { response } = reviewAdmission(WEBHOOK_PATHS.mutateLws, review(lws));
    expect(response).toMatchObject({ uid: "u-1", allowed: true, patchType: "JSONPatch" });
    const patched = applyJsonPatch(lws, JSON.parse(Buffer.from(response.patch!, "base64").toString())) as KubeObject;
    expect(patched.spec).toMatchObject({ rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration: { maxUnavailable: 1, maxSurge: 0, partition: 0 } }, networkConfig: { subdomainPolicy: "Shared" }, leaderWorkerTemplate: { restartPolicy: "RecreateGroupOnPodRestart" } });
  });

  it("denies an invalid LWS with the field and upstream's message", () => {
    const bad = { ...lws, spec: { replicas: -1, leaderWorkerTemplate: { size: 2, workerTemplate: { spec: { containers: [] } } } } };
    const { response } = reviewAdmission(WEBHOOK_PATHS.validateLws, review(bad));
    expect(response.allowed).toBe(false);
    expect(response.status?.details?.causes).toContainEqual(expect.objectContaining({ field: "spec.replicas", message: expect.stringContaining("replicas must be equal or greater than 0") }));
  });

  it("mutates an LWS pod and denies one without the size annotation", () => {
    const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "sample-0", namespace: "default", labels: { "leaderworkerset.sigs.k8s.io/name": "sample", "leaderworkerset.sigs.k8s.io/worker-index": "0" }, annotations: { "leaderworkerset.sigs.k8s.io/size": "2" } }, spec: { containers: [{ name: "c", image: "nginx" }] } };
    const { response } = reviewAdmission(WEBHOOK_PATHS.mutatePod, review(pod));
    const patched = applyJsonPatch(pod, JSON.parse(Buffer.from(response.patch!, "base64").toString())) as KubeObject;
    expect(patched.metadata.labels?.["leaderworkerset.sigs.k8s.io/group-index"]).toBe("0");
    expect((patched.spec as { containers: Array<{ env: Array<{ name: string }> }> }).containers[0].env.map((e) => e.name)).toEqual(["LWS_LEADER_ADDRESS", "LWS_GROUP_SIZE", "LWS_WORKER_INDEX"]);
    const unsized = { ...pod, metadata: { ...pod.metadata, annotations: {} } };
    expect(reviewAdmission(WEBHOOK_PATHS.mutatePod, review(unsized)).response).toMatchObject({ allowed: false, status: { message: expect.stringContaining("size annotation is unexpectedly missing") } });
  });

  it("names the pod's PodGroup when the controller runs with volcano gang scheduling", () => {
    const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "sample-1", namespace: "default", labels: { "leaderworkerset.sigs.k8s.io/name": "sample", "leaderworkerset.sigs.k8s.io/worker-index": "0", "leaderworkerset.sigs.k8s.io/template-revision-hash": "abc" }, annotations: { "leaderworkerset.sigs.k8s.io/size": "2" } }, spec: { containers: [{ name: "c", image: "nginx" }] } };
    const { response } = reviewAdmission(WEBHOOK_PATHS.mutatePod, review(pod), { gangScheduling: "volcano" });
    const patched = applyJsonPatch(pod, JSON.parse(Buffer.from(response.patch!, "base64").toString())) as KubeObject;
    expect(patched.metadata.annotations?.["scheduling.k8s.io/group-name"]).toBe("sample-1-abc");
  });
});
