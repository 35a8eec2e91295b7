import { createHash } from "node:crypto";
import { rfc3339 } from "@/lib/k8s/time";
import type { KubeObject } from "@/lib/k8s/types";
import { reportedNodeConditions } from "../kubelet/node-conditions";
import type { NodeSpec } from "./node-specs";

export const KUBELET_VERSION = "v1.32.0";

/** Where the registrar records what the topology set, to remove only that when the file changes (like kubectl's last-applied). */
export const TOPOLOGY_APPLIED_ANNOTATION = "lws-console.dev/topology-applied";

export interface AppliedTopology {
  labels: string[];
  taints: Array<{ key: string; effect: string }>;
}

/**
 * A node's slot numbers its simulated networks: InternalIP 172.16.0.0/12 and pod CIDR /24s of
 * 10.240.0.0/12, so 4,096 nodes fit. The addresses exist only in the simulation; nothing dials them.
 */
export function podCidr(slot: number): string {
  return `10.${240 + (slot >> 8)}.${slot & 255}.0/24`;
}

export function slotOfPodCidr(cidr: string): number | undefined {
  const match = /^10\.(\d+)\.(\d+)\.0\/24$/.exec(cidr);
  return match ? (Number(match[1]) - 240) * 256 + Number(match[2]) : undefined;
}

function internalIp(slot: number): string {
  const host = slot + 2;
  return `172.${16 + (host >> 16)}.${(host >> 8) & 255}.${host & 255}`;
}

function hexId(name: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${name}`).digest("hex").slice(0, 32);
}

export function appliedTopology(spec: NodeSpec): AppliedTopology {
  return { labels: Object.keys(spec.labels).sort(), taints: spec.taints.map(({ key, effect }) => ({ key, effect })) };
}

/** The Node a kubelet would register for this part of the topology. */
export function nodeObject(spec: NodeSpec, slot: number, now: Date): KubeObject {
  const cidr = podCidr(slot);
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: spec.name, labels: spec.labels, annotations: { [TOPOLOGY_APPLIED_ANNOTATION]: JSON.stringify(appliedTopology(spec)) } },
    spec: { podCIDR: cidr, podCIDRs: [cidr], ...(spec.taints.length ? { taints: spec.taints } : {}) },
    status: {
      capacity: spec.capacity,
      allocatable: spec.capacity,
      conditions: reportedNodeConditions([], rfc3339(now), true),
      addresses: [
        { type: "InternalIP", address: internalIp(slot) },
        { type: "Hostname", address: spec.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hexId(spec.name, "machine"),
        systemUUID: hexId(spec.name, "system"),
        bootID: hexId(spec.name, "boot"),
        kernelVersion: "6.8.0-1019-sim",
        osImage: "Ubuntu 24.04.1 LTS",
        containerRuntimeVersion: "containerd://1.7.24",
        kubeletVersion: KUBELET_VERSION,
        kubeProxyVersion: KUBELET_VERSION,
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}
