/**
 * Resource amounts and the pod request calculation kube-scheduler uses (component-helpers
 * resource.PodRequests): sum of containers, init containers by the max rule with restartable
 * (sidecar) init containers running alongside, plus pod overhead.
 */
import { QuantityError, integerValue, milli } from "@/lib/k8s/quantity";
import { arrayAt, recordAt, stringAt } from "./narrow";

/** Amounts by resource name: cpu in millicores, everything else in whole units (bytes, pods, devices). */
export type ResourceAmounts = Record<string, number>;

export const CPU = "cpu";
export const MEMORY = "memory";
export const PODS = "pods";

/** Extended resources (vendor-domain names like nvidia.com/gpu) and hugepages: the ones checked and scored by name. */
export function isScalarResource(name: string): boolean {
  return name.startsWith("hugepages-") || (name.includes("/") && !name.startsWith("kubernetes.io/"));
}

/** What scoring assumes for a container that requests no cpu or memory (schedutil defaults). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function amount(name: string, quantity: unknown): number | undefined {
  if (typeof quantity !== "string" && typeof quantity !== "number") return undefined;
  try {
    return name === CPU ? milli(quantity) : integerValue(quantity);
  } catch (e) {
    if (e instanceof QuantityError) return undefined;
    throw e;
  }
}

/** A v1.ResourceList as amounts; unparseable quantities are left out (the API server rejects them). */
export function resourceAmounts(list: unknown): ResourceAmounts {
  const out: ResourceAmounts = {};
  for (const [name, quantity] of Object.entries(recordAt(list))) {
    const value = amount(name, quantity);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export function addInto(target: ResourceAmounts, add: ResourceAmounts, sign = 1): void {
  for (const [name, value] of Object.entries(add)) target[name] = (target[name] ?? 0) + sign * value;
}

function maxInto(target: ResourceAmounts, other: ResourceAmounts): void {
  for (const [name, value] of Object.entries(other)) target[name] = Math.max(target[name] ?? 0, value);
}

/**
 * One container's requests. A resource with only a limit requests its limit, as API
 * defaulting would have written it; `nonZero` fills scoring's cpu/memory defaults.
 */
function containerRequests(container: unknown, nonZero: boolean): ResourceAmounts {
  const resources = recordAt(recordAt(container).resources);
  const requests = { ...resourceAmounts(resources.limits), ...resourceAmounts(resources.requests) };
  if (nonZero) {
    requests[CPU] ??= DEFAULT_MILLI_CPU_REQUEST;
    requests[MEMORY] ??= DEFAULT_MEMORY_REQUEST;
  }
  return requests;
}

/**
 * The pod's effective requests. With `nonZero`, containers that request no cpu or memory
 * count the scheduler's defaults: what NodeInfo.NonZeroRequested sums for scoring.
 */
export function podRequests(spec: unknown, nonZero = false): ResourceAmounts {
  const podSpec = recordAt(spec);
  const total: ResourceAmounts = {};
  for (const c of arrayAt(podSpec.containers)) addInto(total, containerRequests(c, nonZero));
  const sidecars: ResourceAmounts = {};
  const initPeak: ResourceAmounts = {};
  for (const c of arrayAt(podSpec.initContainers)) {
    const requests = containerRequests(c, nonZero);
    if (stringAt(recordAt(c).restartPolicy) === "Always") {
      addInto(total, requests);
      addInto(sidecars, requests);
      maxInto(initPeak, sidecars);
    } else {
      const running = { ...sidecars };
      addInto(running, requests);
      maxInto(initPeak, running);
    }
  }
  maxInto(total, initPeak);
  addInto(total, resourceAmounts(podSpec.overhead));
  return total;
}
