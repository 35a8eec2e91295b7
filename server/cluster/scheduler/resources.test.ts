import { describe, it, expect } from "vitest";
import { DEFAULT_MEMORY_REQUEST, podRequests, resourceAmounts } from "./resources";
import { pod } from "./test-builders";

const GI = 1024 ** 3;
const MI = 1024 ** 2;

const specOf = (b: ReturnType<typeof pod>) => b.object().spec;

describe("podRequests", () => {
  it.each([
    ["sums containers", pod("p").container({ cpu: "500m", memory: "1Gi" }).container({ cpu: "250m", memory: "512Mi" }), { cpu: 750, memory: GI + 512 * MI }],
    ["a limit alone is the request", pod("p").container({}, { cpu: "2", "nvidia.com/gpu": "1" }), { cpu: 2000, "nvidia.com/gpu": 1 }],
    ["a request wins over its limit", pod("p").container({ cpu: "1" }, { cpu: "4" }), { cpu: 1000 }],
    ["init containers by the max rule", pod("p").container({ cpu: "1" }).initContainer({ cpu: "3" }).initContainer({ cpu: "2" }), { cpu: 3000 }],
    ["init containers below the app need nothing more", pod("p").container({ cpu: "4" }).initContainer({ cpu: "3" }), { cpu: 4000 }],
    [
      "sidecars run alongside later init containers and the app",
      pod("p").container({ cpu: "1" }).initContainer({ cpu: "500m" }, true).initContainer({ cpu: "2" }),
      { cpu: 2500 },
    ],
    ["sidecar added to the app total", pod("p").container({ cpu: "1" }).initContainer({ cpu: "500m" }, true), { cpu: 1500 }],
    ["overhead is added", pod("p").container({ cpu: "1" }).set("overhead", { cpu: "100m", memory: "64Mi" }), { cpu: 1100, memory: 64 * MI }],
    ["no containers, no requests", pod("p"), {}],
  ])("%s", (_, builder, expected) => {
    expect(podRequests(specOf(builder))).toEqual(expected);
  });

  it("fills scoring defaults for containers that request no cpu or memory", () => {
    const spec = specOf(pod("p").container({}).container({ cpu: "1" }));
    expect(podRequests(spec, true)).toEqual({ cpu: 100 + 1000, memory: 2 * DEFAULT_MEMORY_REQUEST });
  });
});

describe("resourceAmounts", () => {
  it("reads cpu in millicores, the rest in rounded-up units, and skips bad quantities", () => {
    expect(resourceAmounts({ cpu: "1.5", memory: "1.5Ki", pods: "110", "nvidia.com/gpu": 8, bad: "x" })).toEqual({
      cpu: 1500,
      memory: 1536,
      pods: 110,
      "nvidia.com/gpu": 8,
    });
  });
});
