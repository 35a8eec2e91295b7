import type { KubeObject, StatusCause } from "@/lib/k8s/types";
import { isRecord } from "@/lib/k8s/types";
import type { KindStrategy, StrategyContext } from "./strategy";

type Json = Record<string, unknown>;

// The service CIDR handed out, 10.96.0.0/16 as kubeadm defaults it; .0.1 is the apiserver's.
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 16;

function ipToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

function allocateClusterIP(ctx: StrategyContext): string {
  const used = new Set<string>();
  for (const svc of ctx.list("services")) {
    const ip = isRecord(svc.spec) ? svc.spec.clusterIP : undefined;
    if (typeof ip === "string") used.add(ip);
  }
  for (let offset = 10; offset < CIDR_SIZE - 1; offset++) {
    const ip = ipToString(CIDR_BASE + offset);
    if (!used.has(ip)) return ip;
  }
  throw new Error("the service cluster IP range is full");
}

function spec(object: KubeObject): Json {
  return isRecord(object.spec) ? object.spec : {};
}

export const serviceStrategy: KindStrategy = {
  prepareForCreate(object, ctx) {
    const s = spec(object);
    object.spec = s;
    s.type ??= "ClusterIP";
    s.sessionAffinity ??= "None";
    s.internalTrafficPolicy ??= "Cluster";
    s.ipFamilies ??= ["IPv4"];
    s.ipFamilyPolicy ??= "SingleStack";
    if (s.clusterIP === undefined || s.clusterIP === "") s.clusterIP = allocateClusterIP(ctx);
    s.clusterIPs ??= [s.clusterIP];
    for (const port of Array.isArray(s.ports) ? s.ports : []) {
      if (!isRecord(port)) continue;
      port.protocol ??= "TCP";
      port.targetPort ??= port.port;
    }
    object.status = { loadBalancer: {} };
  },
  validateUpdate(object, old): StatusCause[] {
    const before = spec(old).clusterIP;
    const after = spec(object).clusterIP;
    if (after !== undefined && after !== "" && after !== before) {
      return [{ reason: "FieldValueInvalid", field: "spec.clusterIPs[0]", message: `Invalid value: ${JSON.stringify([after])}: may not change once set` }];
    }
    return [];
  },
  prepareForUpdate(object, old) {
    const s = spec(object);
    if (s.clusterIP === undefined || s.clusterIP === "") {
      s.clusterIP = spec(old).clusterIP;
      s.clusterIPs = spec(old).clusterIPs;
    }
  },
};
