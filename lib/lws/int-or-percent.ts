/**
 * intstr.IntOrString as the LWS webhook and controller use it for maxUnavailable and maxSurge:
 * scaling against spec.replicas (k8s.io/apimachinery intstr.GetScaledValueFromIntOrPercent) and
 * the webhook's checks, with upstream's messages.
 */
import { fieldError, type FieldError } from "@/lib/k8s/validation";

const GO_INT = /^[+-]?[0-9]+$/;
const PERCENT = /^[0-9]+%$/;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** Go's strconv.Atoi on a 64-bit platform, failing with its message. */
export function goAtoi(text: string): number {
  if (!GO_INT.test(text)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const value = BigInt(text);
  if (value > INT64_MAX || value < INT64_MIN) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`);
  return Number(value);
}

/** A JSON value Go would decode as an IntOrString of type Int. */
function isInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

function percentOf(text: string): number {
  if (!text.endsWith("%")) throw new Error("invalid type: string is not a percentage");
  const digits = text.slice(0, -1);
  try {
    return goAtoi(digits);
  } catch (err) {
    throw new Error(`invalid value ${JSON.stringify(text)}: ${(err as Error).message}`);
  }
}

/**
 * An absolute value as is, or a percentage of `total`, rounded up or down; throws with
 * upstream's message when the value is neither an integer nor a "<n>%" string.
 */
export function scaledValue(value: unknown, total: number, roundUp: boolean): number {
  if (isInt(value)) return value;
  try {
    if (typeof value !== "string") throw new Error("invalid type: neither int nor percentage");
    const exact = (percentOf(value) * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  } catch (err) {
    throw new Error(`invalid value for IntOrString: ${(err as Error).message}`);
  }
}

const PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/** Percent strings above 100 are rejected, as for StatefulSets; an unparsable number counts as 0. */
function exceeds100Percent(value: string): boolean {
  if (!PERCENT.test(value)) return false;
  try {
    return goAtoi(value.slice(0, -1)) > 100;
  } catch {
    return false;
  }
}

/** The webhook's checks of one int-or-percent field: non-negative int, or a valid percent up to 100%. */
export function validateIntOrPercent(value: unknown, path: string): FieldError[] {
  if (isInt(value)) return value < 0 ? [fieldError.invalid(path, value, "must be greater than or equal to 0")] : [];
  // Upstream's message keeps a literal "%%": it is not a format string.
  if (typeof value !== "string") return [fieldError.invalid(path, value, "must be an integer or percentage (e.g '5%%')")];
  const errors = PERCENT.test(value) ? [] : [fieldError.invalid(path, value, PERCENT_MESSAGE)];
  if (exceeds100Percent(value)) errors.push(fieldError.invalid(path, value, "must not be greater than 100%"));
  return errors;
}

/** A rollout's budget in groups: maxUnavailable rounds down, maxSurge rounds up and never exceeds the replicas. */
export function rolloutBudget(replicas: number, maxUnavailable: unknown, maxSurge: unknown): { unavailable: number; surge: number } {
  return { unavailable: scaledValue(maxUnavailable, replicas, false), surge: Math.min(scaledValue(maxSurge, replicas, true), replicas) };
}
