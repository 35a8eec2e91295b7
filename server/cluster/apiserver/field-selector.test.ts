import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { ApiError } from "@/lib/k8s/api-errors";
import { fieldValue, matchesFields, parseFieldSelector, validateFieldSelector, type FieldRequirement } from "./field-selector";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

function expectBadRequest(fn: () => unknown, message: string): void {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ code: 400, reason: "BadRequest", message });
}

describe("parseFieldSelector", () => {
  it.each<[string, FieldRequirement[]]>([
    ["", []],
    ["metadata.name=web-0", [{ field: "metadata.name", operator: "=", value: "web-0" }]],
    ["a==b", [{ field: "a", operator: "=", value: "b" }]],
    ["a!=b", [{ field: "a", operator: "!=", value: "b" }]],
    ["a=", [{ field: "a", operator: "=", value: "" }]],
    [
      "b=2,a=1",
      [
        { field: "a", operator: "=", value: "1" },
        { field: "b", operator: "=", value: "2" },
      ],
    ],
    [",,a=b,", [{ field: "a", operator: "=", value: "b" }]],
    ["a=x\\,y", [{ field: "a", operator: "=", value: "x,y" }]],
    ["a=x\\=y", [{ field: "a", operator: "=", value: "x=y" }]],
    ["a=x\\\\y", [{ field: "a", operator: "=", value: "x\\y" }]],
    [
      "a=x\\,y,b!=z",
      [
        { field: "a", operator: "=", value: "x,y" },
        { field: "b", operator: "!=", value: "z" },
      ],
    ],
  ])("%j", (text, expected) => {
    expect(parseFieldSelector(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["foo", "invalid selector: 'foo'; can't understand 'foo'"],
    ["a=b,foo", "invalid selector: 'a=b,foo'; can't understand 'foo'"],
    ["a!b", "invalid selector: 'a!b'; can't understand 'a!b'"],
    ["a=b=c", "invalid field selector: unescapedRune character in value: 61"],
    ["a=b\\", "invalid field selector: invalid escape sequence: \\"],
    ["a=\\x", "invalid field selector: invalid escape sequence: \\x"],
  ])("rejects %j", (text, message) => {
    expectBadRequest(() => parseFieldSelector(text), message);
  });
});

describe("validateFieldSelector", () => {
  const sel = (field: string) => [{ field, operator: "=" as const, value: "x" }];

  it.each<[string, string, string]>([
    ["Pod", "", "metadata.name"],
    ["Pod", "", "metadata.namespace"],
    ["Pod", "", "spec.nodeName"],
    ["Pod", "", "spec.host"],
    ["Pod", "", "status.phase"],
    ["Pod", "", "status.podIP"],
    ["Node", "", "spec.unschedulable"],
    ["Namespace", "", "status.phase"],
    ["Service", "", "spec.type"],
    ["Event", "", "involvedObject.uid"],
    ["Event", "", "involvedObject.kind"],
    ["Event", "", "reportingComponent"],
    ["Event", "events.k8s.io", "regarding.uid"],
    ["Event", "events.k8s.io", "reportingController"],
    ["Event", "events.k8s.io", "metadata.name"],
    ["ConfigMap", "", "metadata.namespace"],
    ["StatefulSet", "apps", "metadata.name"],
    ["LeaderWorkerSet", "leaderworkerset.x-k8s.io", "metadata.namespace"],
  ])("%s (%s) accepts %s", (kind, group, field) => {
    expect(() => validateFieldSelector(kind, sel(field), group)).not.toThrow();
  });

  it.each<[string, string, string, string]>([
    ["Pod", "", "spec.containers", "field label not supported: spec.containers"],
    ["Node", "", "metadata.namespace", "field label not supported: metadata.namespace"],
    ["Namespace", "", "metadata.namespace", "field label not supported: metadata.namespace"],
    ["Event", "", "regarding.uid", "field label not supported: regarding.uid"],
    ["Event", "events.k8s.io", "involvedObject.uid", "field label not supported: involvedObject.uid"],
    ["LeaderWorkerSet", "leaderworkerset.x-k8s.io", "spec.replicas", "field label not supported: spec.replicas"],
    ["ConfigMap", "", "data.key", '"data.key" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ["StatefulSet", "apps", "spec.replicas", '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
  ])("%s (%s) rejects %s", (kind, group, field, message) => {
    expectBadRequest(() => validateFieldSelector(kind, sel(field), group), message);
  });
});

function event(name: string, uid: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${name}.17a`, namespace: "default" },
    involvedObject: { kind: "Pod", namespace: "default", name, uid, apiVersion: "v1" },
    reason: "Scheduled",
    type: "Normal",
    source: { component: "default-scheduler" },
    ...extra,
  };
}

describe("matching events", () => {
  const events = [event("web-0", "uid-a"), event("web-0", "uid-old"), event("web-1", "uid-b", { reason: "Back,Off", type: "Warning" })];
  const names = (selector: string) =>
    events.filter((e) => matchesFields("Event", e, parseFieldSelector(selector))).map((e) => `${e.metadata.name}/${fieldValue("Event", e, "involvedObject.uid")}`);

  it.each<[string, string[]]>([
    ["involvedObject.name=web-0,involvedObject.namespace=default,involvedObject.uid=uid-a", ["web-0.17a/uid-a"]],
    ["involvedObject.uid=uid-b", ["web-1.17a/uid-b"]],
    ["involvedObject.uid!=uid-a", ["web-0.17a/uid-old", "web-1.17a/uid-b"]],
    ["involvedObject.kind=Pod,involvedObject.name=web-0", ["web-0.17a/uid-a", "web-0.17a/uid-old"]],
    ["involvedObject.kind=LeaderWorkerSet", []],
    ["reason=Back\\,Off", ["web-1.17a/uid-b"]],
    ["type=Warning", ["web-1.17a/uid-b"]],
    ["source=default-scheduler,metadata.namespace=default", ["web-0.17a/uid-a", "web-0.17a/uid-old", "web-1.17a/uid-b"]],
  ])("%j", (selector, expected) => {
    expect(names(selector)).toEqual(expected);
  });

  it("falls back to the reporting controller for source", () => {
    const reported = event("x", "u", { source: undefined, reportingComponent: "lws-controller" });
    expect(fieldValue("Event", reported, "source")).toBe("lws-controller");
    expect(fieldValue("Event", reported, "reportingComponent")).toBe("lws-controller");
  });

  it("reads events.k8s.io events by their own field names and the core ones", () => {
    const v1: KubeObject = {
      apiVersion: "events.k8s.io/v1",
      kind: "Event",
      metadata: { name: "e", namespace: "default" },
      regarding: { kind: "LeaderWorkerSet", name: "lws", uid: "uid-l" },
      reportingController: "lws-controller",
      reason: "Created",
    };
    expect(matchesFields("Event", v1, parseFieldSelector("regarding.uid=uid-l,regarding.kind=LeaderWorkerSet"))).toBe(true);
    expect(matchesFields("Event", v1, parseFieldSelector("involvedObject.uid=uid-l"))).toBe(true);
    expect(matchesFields("Event", v1, parseFieldSelector("reportingController=lws-controller,source=lws-controller"))).toBe(true);
    expect(matchesFields("Event", v1, parseFieldSelector("regarding.uid=other"))).toBe(false);
  });
});

function pod(name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "ns" }, spec, status };
}

describe("matching pods", () => {
  const pods = [
    pod("a", { nodeName: "node-1", restartPolicy: "Always" }, { phase: "Running", podIPs: [{ ip: "10.0.0.5" }], podIP: "10.0.0.5" }),
    pod("b", { nodeName: "node-2", hostNetwork: true }, { phase: "Running" }),
    pod("c", {}, { phase: "Pending", nominatedNodeName: "node-1" }),
  ];
  const names = (selector: string) => pods.filter((p) => matchesFields("Pod", p, parseFieldSelector(selector))).map((p) => p.metadata.name);

  it.each<[string, string[]]>([
    ["spec.nodeName=node-1", ["a"]],
    ["spec.host=node-2", ["b"]],
    ["spec.nodeName=", ["c"]],
    ["spec.nodeName!=node-1", ["b", "c"]],
    ["status.phase=Running,spec.nodeName!=node-2", ["a"]],
    ["spec.hostNetwork=false", ["a", "c"]],
    ["spec.hostNetwork=true", ["b"]],
    ["status.podIP=10.0.0.5", ["a"]],
    ["status.nominatedNodeName=node-1", ["c"]],
    ["spec.restartPolicy=Always", ["a"]],
    ["metadata.name=b,metadata.namespace=ns", ["b"]],
    ["metadata.namespace=other", []],
  ])("%j", (selector, expected) => {
    expect(names(selector)).toEqual(expected);
  });

  it("reports unsupported fields as undefined", () => {
    expect(fieldValue("Pod", pods[0], "spec.containers")).toBeUndefined();
    expect(fieldValue("Pod", pods[0], "spec.nodeName")).toBe("node-1");
  });
});

describe("matching other kinds", () => {
  it("reads a node's spec.unschedulable as true or false", () => {
    const cordoned: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: "n1" }, spec: { unschedulable: true } };
    const ready: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: "n2" } };
    const sel = parseFieldSelector("spec.unschedulable=false");
    expect([cordoned, ready].filter((n) => matchesFields("Node", n, sel)).map((n) => n.metadata.name)).toEqual(["n2"]);
  });

  it("selects a leaderworkerset by name", () => {
    const lws: KubeObject = { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", metadata: { name: "lws", namespace: "default" } };
    expect(matchesFields("LeaderWorkerSet", lws, parseFieldSelector("metadata.name=lws"))).toBe(true);
    expect(fieldValue("LeaderWorkerSet", lws, "spec.replicas")).toBeUndefined();
  });
});
