import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { identityMatches, newStatefulSetPod, parentAndOrdinal } from "./pod-identity";
import { readSpec } from "./statefulset-spec";

describe("pod identity", () => {
  it.each([
    ["web-0", "web", 0],
    ["my-web-12", "my-web", 12],
    ["web", "", -1],
    ["web-", "", -1],
    ["web-1a", "", -1],
  ])("%s belongs to %j at ordinal %i", (name, parent, ordinal) => {
    expect(parentAndOrdinal(name)).toEqual({ parent, ordinal });
  });

  const set: KubeObject = {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "web", namespace: "ns", uid: "u1" },
    spec: {
      serviceName: "svc",
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "i" }], volumes: [{ name: "data", emptyDir: {} }, { name: "cfg", configMap: { name: "x" } }] } },
      volumeClaimTemplates: [{ metadata: { name: "data" }, spec: {} }],
    },
  };

  it("builds the pod from a template: claims replace template volumes of the same name", () => {
    const spec = readSpec(set);
    const pod = newStatefulSetPod(set, spec, spec.template, "web-abc", 4);
    expect(pod.metadata.name).toBe("web-4");
    expect(pod.spec).toMatchObject({
      hostname: "web-4",
      subdomain: "svc",
      volumes: [
        { name: "data", persistentVolumeClaim: { claimName: "data-web-4" } },
        { name: "cfg", configMap: { name: "x" } },
      ],
    });
    expect(identityMatches(set, pod)).toBe(true);
    expect(identityMatches(set, { ...pod, metadata: { ...pod.metadata, labels: { app: "web" } } })).toBe(false);
    expect(identityMatches(set, { ...pod, metadata: { ...pod.metadata, namespace: "other" } })).toBe(false);
  });
});
