import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, LABELS } from "@/lib/lws/constants";
import { mutateLeaderWorkerSetPod } from "./pod-mutation";
import { podGroupName, volcanoPodGroup } from "./volcano-pod-group";

const container = (cpu: string, memory: string) => ({ name: "main", image: "vllm:1", resources: { requests: { cpu, memory } } });
const template = (spec: Record<string, unknown>) => ({ spec });

function lws(leaderWorkerTemplate: Record<string, unknown>, extra: { startupPolicy?: string; annotations?: Record<string, string> } = {}): KubeObject {
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name: "vllm", namespace: "ml", uid: "lws-uid", annotations: extra.annotations },
    spec: { replicas: 2, leaderWorkerTemplate, ...(extra.startupPolicy ? { startupPolicy: extra.startupPolicy } : {}) },
  };
}

const LEADER: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "vllm-1",
    namespace: "ml",
    uid: "leader-uid",
    labels: { [LABELS.name]: "vllm", [LABELS.groupIndex]: "1", [LABELS.workerIndex]: "0", [LABELS.templateRevisionHash]: "5c5fcdfb44" },
    annotations: { [ANNOTATIONS.volcanoGroupName]: "vllm-1-5c5fcdfb44" },
  },
};

const WORKERS = template({ containers: [container("2", "4Gi")] });

describe("volcanoPodGroup", () => {
  it.each([
    ["LeaderCreated: the whole group must fit, workers reserve for the leader too", lws({ size: 4, workerTemplate: WORKERS }), 4, { cpu: "8", memory: "16Gi" }],
    ["LeaderReady: the leader may go alone but the whole group is reserved", lws({ size: 4, workerTemplate: WORKERS }, { startupPolicy: "LeaderReady" }), 1, { cpu: "8", memory: "16Gi" }],
    [
      "a leader template counts once, workers size-1 times",
      lws({ size: 3, leaderTemplate: template({ containers: [container("500m", "1Gi")] }), workerTemplate: WORKERS }),
      3,
      { cpu: "4500m", memory: "9Gi" },
    ],
    [
      "init containers by the max rule, sidecars alongside",
      lws({
        size: 2,
        leaderTemplate: template({ containers: [container("1", "1Gi")], initContainers: [container("3", "512Mi")] }),
        workerTemplate: template({ containers: [container("1", "1Gi")], initContainers: [{ ...container("250m", "256Mi"), restartPolicy: "Always" }] }),
      }),
      2,
      { cpu: "4250m", memory: "2304Mi" },
    ],
    ["size 1 is the leader alone", lws({ size: 1, workerTemplate: WORKERS }), 1, { cpu: "2", memory: "4Gi" }],
    ["templates without requests reserve nothing", lws({ size: 2, workerTemplate: template({ containers: [{ name: "main", image: "x" }] }) }), 2, {}],
  ])("%s", (_, object, minMember, minResources) => {
    expect(volcanoPodGroup(object, LEADER).spec).toEqual({ minMember, minResources });
  });

  it("is named by the leader's annotation, labelled and owned by the leader", () => {
    const group = volcanoPodGroup(lws({ size: 2, workerTemplate: WORKERS }), LEADER);
    expect(group).toMatchObject({ apiVersion: "scheduling.volcano.sh/v1beta1", kind: "PodGroup" });
    expect(group.metadata).toEqual({
      name: "vllm-1-5c5fcdfb44",
      namespace: "ml",
      labels: { [LABELS.name]: "vllm", [LABELS.groupIndex]: "1", [LABELS.templateRevisionHash]: "5c5fcdfb44" },
      ownerReferences: [{ apiVersion: "v1", kind: "Pod", name: "vllm-1", uid: "leader-uid", controller: true, blockOwnerDeletion: true }],
    });
  });

  it("takes the queue and every volcano.sh/ annotation of the LWS, and nothing else", () => {
    const annotations = {
      [ANNOTATIONS.volcanoQueueName]: "inference",
      "volcano.sh/preemptable": "false",
      "volcano.sh/task-spec": "x",
      "leaderworkerset.sigs.k8s.io/exclusive-topology": "rack",
      "example.com/volcano.sh/other": "no",
    };
    const group = volcanoPodGroup(lws({ size: 2, workerTemplate: WORKERS }, { annotations }), LEADER);
    expect(group.metadata.annotations).toEqual({ "volcano.sh/preemptable": "false", "volcano.sh/task-spec": "x" });
    expect((group.spec as { queue?: string }).queue).toBe("inference");
  });
});

describe("the pod webhook with volcano gang scheduling", () => {
  const pod = (name: string, labels: Record<string, string>): KubeObject => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "ml", labels: { [LABELS.name]: "vllm", [LABELS.templateRevisionHash]: "5c5fcdfb44", ...labels }, annotations: { [ANNOTATIONS.size]: "3" } },
    spec: { containers: [{ name: "main", image: "vllm:1" }] },
  });
  const groupOf = (object: KubeObject) => object.metadata.annotations?.[ANNOTATIONS.volcanoGroupName];

  it.each([
    ["a leader, group index from its name", pod("vllm-2", { [LABELS.workerIndex]: "0" })],
    ["a worker, group index from its template", pod("vllm-2-1", { [LABELS.groupIndex]: "2" })],
  ])("names the PodGroup of %s", (_, object) => {
    expect(groupOf(mutateLeaderWorkerSetPod(object, { gangScheduling: "volcano" }))).toBe(podGroupName("vllm", "2", "5c5fcdfb44"));
    expect(podGroupName("vllm", "2", "5c5fcdfb44")).toBe("vllm-2-5c5fcdfb44");
  });

  it("adds nothing without gang scheduling", () => {
    expect(groupOf(mutateLeaderWorkerSetPod(pod("vllm-2", { [LABELS.workerIndex]: "0" })))).toBeUndefined();
  });
});
