import { describe, expect, it } from "vitest";
import { configMapPrinter, leasePrinter, namespacePrinter } from "./meta-printers";
import { DAY, NOW, ago, kubeObject } from "./test-objects";

describe("namespace rows", () => {
  it.each([
    [{ phase: "Active" }, "Active"],
    [{ phase: "Terminating" }, "Terminating"],
    [undefined, "Active"],
  ])("prints status %j as %s", (status, expected) => {
    const namespace = kubeObject("v1", "Namespace", { name: "lws-system", namespace: undefined, creationTimestamp: ago(3 * DAY) }, status ? { status } : {});
    expect(namespacePrinter.print(namespace, NOW).cells).toEqual(["lws-system", expected, "3d"]);
  });
});

describe("configmap rows", () => {
  it("counts data and binaryData keys", () => {
    const configMap = kubeObject("v1", "ConfigMap", { name: "lws-manager-config" }, { data: { "controller_manager_config.yaml": "…", "gang.yaml": "…" }, binaryData: { blob: "AAE=" } });
    expect(configMapPrinter.print(configMap, NOW).cells).toEqual(["lws-manager-config", 3, "6m10s"]);
  });

  it("prints 0 for an empty configmap", () => {
    expect(configMapPrinter.print(kubeObject("v1", "ConfigMap", { name: "empty" }), NOW).cells).toEqual(["empty", 0, "6m10s"]);
  });
});

describe("lease rows", () => {
  it("prints the holder, blank when none", () => {
    const held = kubeObject("coordination.k8s.io/v1", "Lease", { name: "b8b2488c.x-k8s.io" }, { spec: { holderIdentity: "lws-controller-manager-6d4b_1f2e" } });
    const free = kubeObject("coordination.k8s.io/v1", "Lease", { name: "free" }, { spec: {} });
    expect(leasePrinter.print(held, NOW).cells).toEqual(["b8b2488c.x-k8s.io", "lws-controller-manager-6d4b_1f2e", "6m10s"]);
    expect(leasePrinter.print(free, NOW).cells).toEqual(["free", "", "6m10s"]);
  });
});
