import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { ContainerLogs } from "./container-logs";

const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", uid: "u1" }, status: { containerStatuses: [{ name: "c", state: { waiting: { reason: "ContainerCreating" } } }] } };

describe("container logs", () => {
  it("keeps the last lines of the current and the previous run", () => {
    const logs = new ContainerLogs(3);
    for (const line of ["1", "2", "3", "4"]) logs.append("u1", "c", line);
    expect(logs.read(pod, "c", {})).toBe("2\n3\n4\n");
    logs.rotate("u1", "c");
    logs.append("u1", "c", "again");
    expect(logs.read(pod, "c", { previous: true, tailLines: 1 })).toBe("4\n");
    expect(logs.read(pod, "c", {})).toBe("again\n");
    logs.append("u2", "c", "other pod");
    logs.forget("u1");
    expect(logs.has("u1", "c")).toBe(false);
    expect(logs.has("u2", "c")).toBe(true);
  });

  it("prefixes lines with nanosecond timestamps for --timestamps", () => {
    const logs = new ContainerLogs();
    logs.append("u1", "c", "hello", new Date("2026-11-29T12:00:01.250Z"));
    expect(logs.read(pod, "c", { timestamps: true })).toBe("2026-11-29T12:00:01.250000000Z hello\n");
  });

  it("says why a container has nothing to show", () => {
    const logs = new ContainerLogs();
    expect(() => logs.read(pod, "c", {})).toThrow('container "c" in pod "p" is waiting to start: ContainerCreating');
  });

  it("streams new lines to followers until they stop", () => {
    const logs = new ContainerLogs();
    const seen: string[] = [];
    const stop = logs.follow(pod, "c", (line) => seen.push(line));
    logs.append("u1", "c", "one");
    stop();
    logs.append("u1", "c", "two");
    expect(seen).toEqual(["one"]);
  });
});
