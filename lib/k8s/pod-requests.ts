/**
 * The pod request calculation of component-helpers resource.PodRequests, shared by
 * kube-scheduler and the LWS controller's PodGroups: sum of containers, init containers by the
 * max rule with restartable (sidecar) init containers running alongside, plus pod overhead.
 */
import { formatQuantity, integerValue, milli, QuantityError } from "./quantity";
import { record, records, text } from "./object-fields";

/** Amounts by resource name: cpu in millicores, everything else in whole units (bytes, pods, devices). */
export type ResourceAmounts = Record<string, number>;

export const CPU = "cpu";
export const MEMORY = "memory";
/** The accelerator resource LWS users schedule by (NVIDIA's device plugin). */
export const GPU = "nvidia.com/gpu";

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
  for (const [name, quantity] of Object.entries(record(list))) {
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
function containerRequests(container: Record<string, unknown>, nonZero: boolean): ResourceAmounts {
  const resources = record(container.resources);
  const requests = Object.assign(resourceAmounts(resources.limits), resourceAmounts(resources.requests));
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
  const podSpec = record(spec);
  const total: ResourceAmounts = {};
  for (const c of records(podSpec.containers)) addInto(total, containerRequests(c, nonZero));
  const sidecars: ResourceAmounts = {};
  const initPeak: ResourceAmounts = {};
  for (const c of records(podSpec.initContainers)) {
    const requests = containerRequests(c, nonZero);
    if (text(c.restartPolicy) === "Always") {
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

/** Byte-sized resources print in binary units (2Gi), as people write them; the rest in SI. */
function isByteSized(name: string): boolean {
  return name === MEMORY || name === "ephemeral-storage" || name.startsWith("hugepages-");
}

/** Amounts back to a v1.ResourceList of canonical quantities: cpu 1500 → "1500m", memory 2^31 → "2Gi". */
export function resourceList(amounts: ResourceAmounts): Record<string, string> {
  const list: Record<string, string> = {};
  for (const [name, value] of Object.entries(amounts)) {
    list[name] = name === CPU ? formatQuantity(value / 1000) : formatQuantity(value, isByteSized(name) ? "BinarySI" : "DecimalSI");
  }
  return list;
}
