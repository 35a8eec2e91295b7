/**
 * Field selectors as kube-apiserver serves them: upstream's syntax and escapes
 * (k8s.io/apimachinery/pkg/fields), and per kind the field labels its conversion
 * functions accept and the values its ToSelectableFields reports.
 */
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { RESOURCES } from "@/lib/k8s/resources";
import { badRequest } from "@/lib/k8s/api-errors";

export interface FieldRequirement {
  field: string;
  operator: "=" | "!=";
  value: string;
}

/** Commas split terms unless escaped; the backslash stays for unescapeValue to handle. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === ",") {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return [...terms, text.slice(start)];
}

/** The field name has no escapes, so the first operator found splits the term; "!=" and "==" win over "=". */
function splitTerm(term: string): [string, "=" | "!=", string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ["!=", "==", "="] as const) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op === "!=" ? "!=" : "=", term.slice(i + op.length)];
    }
  }
  return undefined;
}

function unescapeValue(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\\") {
      const next = raw[++i];
      if (next === undefined) throw badRequest("invalid field selector: invalid escape sequence: \\");
      if (next !== "\\" && next !== "," && next !== "=") throw badRequest(`invalid field selector: invalid escape sequence: \\${next}`);
      out += next;
    } else if (c === "," || c === "=") {
      // Upstream prints the rune with %v, i.e. as its code point number.
      throw badRequest(`invalid field selector: unescapedRune character in value: ${c.codePointAt(0)}`);
    } else out += c;
  }
  return out;
}

/** fields.ParseSelector: "a=b,c!=d", "==" as "=", values escaped with \, \= and \\. */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const reqs: FieldRequirement[] = [];
  for (const term of splitTerms(selector).sort()) {
    if (term === "") continue;
    const split = splitTerm(term);
    if (!split) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [field, operator, rawValue] = split;
    reqs.push({ field, operator, value: unescapeValue(rawValue) });
  }
  return reqs;
}

type Extract = (obj: KubeObject) => string;

function at(obj: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), obj);
}

function text(obj: unknown, ...path: string[]): string {
  const value = at(obj, ...path);
  return typeof value === "string" ? value : "";
}

/** Booleans as Go's strconv.FormatBool prints them; absent is false. */
function flag(obj: unknown, ...path: string[]): string {
  return String(at(obj, ...path) === true);
}

function podIP(pod: KubeObject): string {
  const ips = at(pod, "status", "podIPs");
  const first: unknown = Array.isArray(ips) ? ips[0] : undefined;
  return text(first, "ip") || text(pod, "status", "podIP");
}

const nameField: Record<string, Extract> = { "metadata.name": (o) => o.metadata.name ?? "" };
const metaFields: Record<string, Extract> = { ...nameField, "metadata.namespace": (o) => o.metadata.namespace ?? "" };

const podFields: Record<string, Extract> = {
  ...metaFields,
  "spec.nodeName": (o) => text(o, "spec", "nodeName"),
  // Old v1 clients send spec.host; upstream converts it to spec.nodeName.
  "spec.host": (o) => text(o, "spec", "nodeName"),
  "spec.restartPolicy": (o) => text(o, "spec", "restartPolicy"),
  "spec.schedulerName": (o) => text(o, "spec", "schedulerName"),
  "spec.serviceAccountName": (o) => text(o, "spec", "serviceAccountName"),
  "spec.hostNetwork": (o) => flag(o, "spec", "hostNetwork"),
  "status.phase": (o) => text(o, "status", "phase"),
  "status.podIP": podIP,
  "status.nominatedNodeName": (o) => text(o, "status", "nominatedNodeName"),
};

/** The object an event is about: involvedObject in core/v1, regarding in events.k8s.io/v1. */
function regarding(event: KubeObject): unknown {
  return event.involvedObject ?? event.regarding;
}

function reportingController(event: KubeObject): string {
  return text(event, "reportingComponent") || text(event, "reportingController");
}

const REFERENCE_FIELDS = ["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"];

/** Values read from either event shape, so one store can serve both groups. */
const eventFields: Record<string, Extract> = {
  ...metaFields,
  ...Object.fromEntries(REFERENCE_FIELDS.map((f): [string, Extract] => [`involvedObject.${f}`, (o) => text(regarding(o), f)])),
  reason: (o) => text(o, "reason"),
  reportingComponent: reportingController,
  // The source falls back to the reporting controller, as upstream's ToSelectableFields does.
  source: (o) => text(o, "source", "component") || text(o, "deprecatedSource", "component") || reportingController(o),
  type: (o) => text(o, "type"),
};

/** events.k8s.io/v1 field labels and the core field each one selects on. */
const EVENTS_V1_LABELS: Record<string, string> = {
  ...Object.fromEntries(REFERENCE_FIELDS.map((f) => [`regarding.${f}`, `involvedObject.${f}`])),
  reportingController: "reportingComponent",
  ...Object.fromEntries(["reason", "source", "type", "metadata.name", "metadata.namespace"].map((f) => [f, f])),
};

interface SelectableFields {
  fields: Record<string, Extract>;
  /** When set, the only labels accepted, each mapped onto a key of `fields`. */
  labels?: Record<string, string>;
  unsupported: (field: string) => string;
}

const notSupported = (field: string) => `field label not supported: ${field}`;
// Kinds without their own conversion function get runtime.DefaultMetaV1FieldSelectorConversion.
const notKnown = (field: string) => `${JSON.stringify(field)} is not a known field selector: only "metadata.name", "metadata.namespace"`;

const BY_KIND: Record<string, SelectableFields> = {
  "/Pod": { fields: podFields, unsupported: notSupported },
  "/Node": { fields: { ...nameField, "spec.unschedulable": (o) => flag(o, "spec", "unschedulable") }, unsupported: notSupported },
  "/Namespace": { fields: { ...nameField, "status.phase": (o) => text(o, "status", "phase") }, unsupported: notSupported },
  "/Service": {
    fields: { ...metaFields, "spec.clusterIP": (o) => text(o, "spec", "clusterIP"), "spec.type": (o) => text(o, "spec", "type") },
    unsupported: notSupported,
  },
  "/Event": { fields: eventFields, unsupported: notSupported },
  "events.k8s.io/Event": { fields: eventFields, labels: EVENTS_V1_LABELS, unsupported: notSupported },
};

/** Custom resources select on their name, and their namespace when namespaced. */
function customResourceFields(kind: string, group: string): SelectableFields | undefined {
  const info = RESOURCES.find((r) => !r.builtin && r.kind === kind && r.group === group);
  if (!info) return undefined;
  return { fields: info.namespaced ? metaFields : nameField, unsupported: notSupported };
}

function selectable(kind: string, group: string): SelectableFields {
  return BY_KIND[`${group}/${kind}`] ?? customResourceFields(kind, group) ?? { fields: metaFields, unsupported: notKnown };
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** The object's value for a field label; undefined when the kind has no such field. */
export function fieldValue(kind: string, obj: KubeObject, field: string): string | undefined {
  const { fields, labels } = selectable(kind, groupOf(obj.apiVersion));
  return fields[labels?.[field] ?? field]?.(obj);
}

/** An unknown field reads as "", as upstream's fields.Set.Get does. */
export function matchesFields(kind: string, obj: KubeObject, reqs: readonly FieldRequirement[]): boolean {
  return reqs.every((r) => ((fieldValue(kind, obj, r.field) ?? "") === r.value) === (r.operator === "="));
}

/** Rejects field labels the kind does not support, with upstream's message. `group` tells events.k8s.io Events from core ones. */
export function validateFieldSelector(kind: string, reqs: readonly FieldRequirement[], group = ""): void {
  const { fields, labels, unsupported } = selectable(kind, group);
  const bad = reqs.find((r) => !Object.hasOwn(labels ?? fields, r.field));
  if (bad) throw badRequest(unsupported(bad.field));
}
