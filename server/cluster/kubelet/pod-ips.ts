/** Pod IPs from each node's pod CIDR, as the CNI plugin's host-local IPAM hands them out. */
import { createHash } from "node:crypto";

function toInt(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/**
 * A node registered without a pod CIDR (e.g. by `kubectl create`) gets one from its name in
 * 10.224.0.0/12, apart from the registrar's 10.240.0.0/12; a clash is possible but harmless here.
 */
export function fallbackPodCidr(nodeName: string): string {
  const h = createHash("sha256").update(nodeName).digest().readUInt16BE(0) & 4095;
  return `10.${224 + (h >> 8)}.${h & 255}.0/24`;
}

/** A host address for a node that reports none, from its name in 172.31.0.0/16. */
export function fallbackHostIp(nodeName: string): string {
  const h = createHash("sha256").update(`host:${nodeName}`).digest().readUInt16BE(0);
  return `172.31.${h >> 8}.${Math.max(1, h & 255)}`;
}

/** A node's pod range: host offsets 2 … size-2 (.1 is the bridge's, the last is broadcast), and the last handed out. */
interface PodRange {
  cidr: string;
  base: number;
  size: number;
  last: number;
}

function podRange(cidr: string): PodRange {
  const [address, bits] = cidr.split("/");
  const size = 2 ** (32 - Math.min(30, Math.max(8, Number(bits) || 24)));
  return { cidr, base: toInt(address) - (toInt(address) % size), size, last: 1 };
}

/**
 * Which pod holds which IP on which node. Rebuilt from the pods' statuses as the informer
 * replays them, so only addresses handed out but not yet written back live here alone.
 */
export class PodIpAllocator {
  private readonly byNode = new Map<string, Map<string, string>>();
  private readonly byPod = new Map<string, { node: string; ip: string }>();
  private readonly ranges = new Map<string, PodRange>();

  /** Records a pod's IP as its status reports it (undefined: it holds none). */
  observe(podKey: string, node: string, ip: string | undefined): void {
    const held = this.byPod.get(podKey);
    if (held?.ip === ip && held?.node === node) return;
    this.release(podKey);
    if (!ip) return;
    this.byPod.set(podKey, { node, ip });
    let ips = this.byNode.get(node);
    if (!ips) this.byNode.set(node, (ips = new Map()));
    ips.set(ip, podKey);
  }

  release(podKey: string): void {
    const held = this.byPod.get(podKey);
    if (!held) return;
    this.byPod.delete(podKey);
    this.byNode.get(held.node)?.delete(held.ip);
  }

  /**
   * The pod's IP: as host-local IPAM, the next free address after the last one handed out on the
   * node, wrapping around, so a freed address is not at once reused; undefined when the CIDR is full.
   */
  allocate(podKey: string, node: string, cidr: string): string | undefined {
    const held = this.byPod.get(podKey);
    if (held?.node === node) return held.ip;
    const used = this.byNode.get(node);
    const range = this.rangeOf(node, cidr);
    const count = range.size - 3;
    for (let step = 1; step <= count; step++) {
      const offset = 2 + ((range.last - 2 + step) % count);
      const ip = toIp(range.base + offset);
      if (used?.has(ip)) continue;
      range.last = offset;
      this.observe(podKey, node, ip);
      return ip;
    }
    return undefined;
  }

  private rangeOf(node: string, cidr: string): PodRange {
    let range = this.ranges.get(node);
    if (range?.cidr !== cidr) this.ranges.set(node, (range = podRange(cidr)));
    return range;
  }
}
