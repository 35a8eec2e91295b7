import { describe, expect, it } from "vitest";
import { fallbackPodCidr, PodIpAllocator } from "./pod-ips";

describe("pod IP allocation", () => {
  it("hands out the next free address of the node's CIDR, skipping the bridge's, as host-local IPAM does", () => {
    const ips = new PodIpAllocator();
    expect(ips.allocate("ns/a", "n1", "10.240.3.0/24")).toBe("10.240.3.2");
    expect(ips.allocate("ns/b", "n1", "10.240.3.0/24")).toBe("10.240.3.3");
    expect(ips.allocate("ns/a", "n1", "10.240.3.0/24")).toBe("10.240.3.2");
    ips.release("ns/a");
    expect(ips.allocate("ns/c", "n1", "10.240.3.0/24")).toBe("10.240.3.4");
    expect(ips.allocate("ns/d", "n2", "10.240.4.0/24")).toBe("10.240.4.2");
  });

  it("wraps around to addresses freed earlier once it reaches the end of the range", () => {
    const ips = new PodIpAllocator();
    expect(["a", "b", "c", "d", "e"].map((p) => ips.allocate(`ns/${p}`, "n1", "10.0.0.0/29"))).toEqual(["10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"]);
    ips.release("ns/b");
    expect(ips.allocate("ns/f", "n1", "10.0.0.0/29")).toBe("10.0.0.3");
    expect(ips.allocate("ns/g", "n1", "10.0.0.0/29")).toBeUndefined();
  });

  it("respects addresses observed in pod statuses, and runs out", () => {
    const ips = new PodIpAllocator();
    ips.observe("ns/old", "n1", "10.0.0.2");
    expect(ips.allocate("ns/new", "n1", "10.0.0.0/30")).toBeUndefined();
    ips.observe("ns/old", "n1", undefined);
    expect(ips.allocate("ns/new", "n1", "10.0.0.0/30")).toBe("10.0.0.2");
  });

  it("gives nodes without a pod CIDR a stable one outside the registrar's range", () => {
    expect(fallbackPodCidr("byhand")).toBe(fallbackPodCidr("byhand"));
    expect(fallbackPodCidr("byhand")).toMatch(/^10\.(22[4-9]|23\d)\.\d+\.0\/24$/);
  });
});
