import { describe, expect, it } from "vitest";
import { controllerRevisionPrinter, statefulSetPrinter } from "./workload-printers";
import { NOW, kubeObject } from "./test-objects";

describe("statefulset rows", () => {
  const template = {
    spec: {
      containers: [
        { name: "leader", image: "vllm/vllm-openai:v0.8.5" },
        { name: "metrics", image: "prom/node-exporter:v1.9" },
      ],
    },
  };

  it("prints ready/desired and the template's containers and images", () => {
    const sts = kubeObject("apps/v1", "StatefulSet", { name: "leaderworkerset-sample" }, { spec: { replicas: 3, template }, status: { readyReplicas: 2 } });
    expect(statefulSetPrinter.print(sts, NOW).cells).toEqual([
      "leaderworkerset-sample",
      "2/3",
      "6m10s",
      "leader,metrics",
      "vllm/vllm-openai:v0.8.5,prom/node-exporter:v1.9",
    ]);
  });

  it("reads absent counts as upstream stores them: 0 ready of the default 1", () => {
    const sts = kubeObject("apps/v1", "StatefulSet", { name: "fresh" }, { spec: { template } });
    expect(statefulSetPrinter.print(sts, NOW).cells[1]).toBe("0/1");
  });

  it("declares Name, Ready, Age and the wide Containers and Images", () => {
    expect(statefulSetPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual(["Name:0", "Ready:0", "Age:0", "Containers:1", "Images:1"]);
  });
});

describe("controllerrevision rows", () => {
  it("names the controlling owner with its group", () => {
    const owners = [
      { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", name: "lws", uid: "u1", controller: false },
      { apiVersion: "apps/v1", kind: "StatefulSet", name: "leaderworkerset-sample", uid: "u2", controller: true },
    ];
    const revision = kubeObject("apps/v1", "ControllerRevision", { name: "leaderworkerset-sample-7d9f8b6c5", ownerReferences: owners }, { revision: 2 });
    expect(controllerRevisionPrinter.print(revision, NOW).cells).toEqual(["leaderworkerset-sample-7d9f8b6c5", "statefulset.apps/leaderworkerset-sample", 2, "6m10s"]);
  });

  it("drops the group of core owners", () => {
    const owners = [{ apiVersion: "v1", kind: "Pod", name: "leader-0", uid: "u", controller: true }];
    const revision = kubeObject("apps/v1", "ControllerRevision", { name: "r", ownerReferences: owners }, { revision: 1 });
    expect(controllerRevisionPrinter.print(revision, NOW).cells[1]).toBe("pod/leader-0");
  });

  it("prints <none> without a controller", () => {
    const revision = kubeObject("apps/v1", "ControllerRevision", { name: "orphan" }, { revision: 5 });
    expect(controllerRevisionPrinter.print(revision, NOW).cells).toEqual(["orphan", "<none>", 5, "6m10s"]);
  });
});
