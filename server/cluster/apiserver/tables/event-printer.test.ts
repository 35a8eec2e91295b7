import { describe, expect, it } from "vitest";
import { eventPrinter } from "./event-printer";
import { MINUTE, NOW, SECOND, ago, kubeObject } from "./test-objects";

describe("event rows", () => {
  it("declares upstream's columns, with the name only in wide output", () => {
    expect(eventPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Last Seen:0",
      "Type:0",
      "Reason:0",
      "Object:0",
      "Subobject:1",
      "Source:1",
      "Message:0",
      "First Seen:1",
      "Count:1",
      "Name:1",
    ]);
    expect(eventPrinter.columns[9].format).toBe("name");
  });

  it("prints a core/v1 event", () => {
    const event = kubeObject(
      "v1",
      "Event",
      { name: "leaderworkerset-sample-0.1842f3c1a6b2e7d4" },
      {
        involvedObject: { kind: "Pod", name: "leaderworkerset-sample-0", namespace: "default", fieldPath: "spec.containers{worker}" },
        reason: "Pulled",
        message: "Successfully pulled image \"nginx:1.27\" in 1.2s\n",
        source: { component: "kubelet", host: "node-1" },
        firstTimestamp: ago(10 * MINUTE),
        lastTimestamp: ago(2 * MINUTE),
        count: 3,
        type: "Normal",
      },
    );
    expect(eventPrinter.print(event, NOW).cells).toEqual([
      "2m",
      "Normal",
      "Pulled",
      "pod/leaderworkerset-sample-0",
      "spec.containers{worker}",
      "kubelet, node-1",
      'Successfully pulled image "nginx:1.27" in 1.2s',
      "10m",
      3,
      "leaderworkerset-sample-0.1842f3c1a6b2e7d4",
    ]);
  });

  it("prints an events.k8s.io/v1 event through its core names", () => {
    const event = kubeObject(
      "events.k8s.io/v1",
      "Event",
      { name: "leaderworkerset-sample.1842f3c1" },
      {
        regarding: { kind: "LeaderWorkerSet", name: "leaderworkerset-sample", namespace: "default" },
        note: "Created leader statefulset leaderworkerset-sample",
        reason: "CreatingRevision",
        type: "Normal",
        eventTime: ago(45 * SECOND),
        reportingController: "lws-controller",
        reportingInstance: "lws-controller-0",
        action: "Create",
      },
    );
    expect(eventPrinter.print(event, NOW).cells).toEqual([
      "45s",
      "Normal",
      "CreatingRevision",
      "leaderworkerset/leaderworkerset-sample",
      "",
      "lws-controller, lws-controller-0",
      "Created leader statefulset leaderworkerset-sample",
      "45s",
      1,
      "leaderworkerset-sample.1842f3c1",
    ]);
  });

  it("takes Last Seen and Count from a series", () => {
    const event = kubeObject(
      "events.k8s.io/v1",
      "Event",
      { name: "e" },
      { regarding: { kind: "Node" }, eventTime: ago(30 * MINUTE), series: { count: 7, lastObservedTime: ago(20 * SECOND) }, deprecatedCount: 2, note: "x" },
    );
    const cells = eventPrinter.print(event, NOW).cells;
    expect([cells[0], cells[3], cells[7], cells[8]]).toEqual(["20s", "node", "30m", 7]);
  });

  it("falls back to First Seen and prints <unknown> without any timestamp", () => {
    const withFirst = kubeObject("v1", "Event", { name: "a" }, { involvedObject: { kind: "Pod", name: "p" }, firstTimestamp: ago(3 * MINUTE) });
    const withNone = kubeObject("v1", "Event", { name: "b" }, { involvedObject: { kind: "Pod", name: "p" } });
    expect(eventPrinter.print(withFirst, NOW).cells[0]).toBe("3m");
    const cells = eventPrinter.print(withNone, NOW).cells;
    expect([cells[0], cells[7]]).toEqual(["<unknown>", "<unknown>"]);
  });
});
