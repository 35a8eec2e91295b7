import { describe, expect, it } from "vitest";
import { podRequests, resourceList } from "./pod-requests";

describe("resourceList", () => {
  it.each([
    ["cpu in millicores prints as SI", { cpu: 1500 }, { cpu: "1500m" }],
    ["whole cores drop the milli suffix", { cpu: 3000 }, { cpu: "3" }],
    ["memory in binary units", { memory: 3 * 1024 ** 3 }, { memory: "3Gi" }],
    ["memory that is no multiple of 1024 stays in bytes", { memory: 1_000_000 }, { memory: "1000000" }],
    ["devices as plain counts", { "nvidia.com/gpu": 16 }, { "nvidia.com/gpu": "16" }],
    ["hugepages and ephemeral storage in binary units", { "hugepages-2Mi": 4 * 1024 ** 2, "ephemeral-storage": 10 * 1024 ** 3 }, { "hugepages-2Mi": "4Mi", "ephemeral-storage": "10Gi" }],
  ])("%s", (_, amounts, expected) => {
    expect(resourceList(amounts)).toEqual(expected);
  });

  it("round-trips a pod's requests", () => {
    const spec = { containers: [{ resources: { requests: { cpu: "250m", memory: "512Mi" } } }, { resources: { limits: { cpu: "1", memory: "1Gi" } } }] };
    expect(resourceList(podRequests(spec))).toEqual({ cpu: "1250m", memory: "1536Mi" });
  });
});
