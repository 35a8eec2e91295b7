/**
 * Event rows as kube-apiserver prints them, for both core/v1 Events and events.k8s.io/v1 Events:
 * upstream stores one internal Event and prints both API versions with the same columns.
 */
import type { KubeObject } from "@/lib/k8s/types";
import { NAME_COLUMN, column, since, type KindPrinter } from "./columns";
import { integer, optionalRecord, record, text } from "@/lib/k8s/object-fields";

const COLUMNS = [
  column("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
  column("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
  column("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
  column("Object", "The object that this event is about."),
  column(
    "Subobject",
    'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
    { priority: 1 },
  ),
  column("Source", "The component reporting this event. Should be a short machine understandable string.", { priority: 1 }),
  column("Message", "A human-readable description of the status of this operation."),
  column("First Seen", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", { priority: 1 }),
  column("Count", "The number of times this event has occurred.", { priority: 1 }),
  { ...NAME_COLUMN, priority: 1 },
];

export const eventPrinter: KindPrinter = { columns: COLUMNS, print: printEvent };

function printEvent(object: KubeObject, now: number) {
  const event = asCoreEvent(object);
  const series = optionalRecord(event.series);
  const involved = record(event.involvedObject);
  const firstSeen = event.firstTimestamp ? since(event.firstTimestamp, now) : since(event.eventTime, now);
  const lastSeen = series ? since(series.lastObservedTime, now) : event.lastTimestamp ? since(event.lastTimestamp, now) : firstSeen;
  // Singleton events written through events.k8s.io carry no count.
  const count = series ? (integer(series.count) ?? 0) : integer(event.count) || 1;
  const kind = text(involved.kind).toLowerCase();
  const target = text(involved.name) ? `${kind}/${text(involved.name)}` : kind;
  const wide = [text(involved.fieldPath), eventSource(event)];
  const cells = [lastSeen, text(event.type), text(event.reason), target, ...wide, text(event.message).trim(), firstSeen, count];
  return { cells: [...cells, object.metadata.name ?? ""] };
}

/** The events.k8s.io/v1 fields under their core/v1 names, as upstream's conversion maps them. */
function asCoreEvent(event: KubeObject): Record<string, unknown> {
  if (event.apiVersion !== "events.k8s.io/v1") return event;
  return {
    ...event,
    involvedObject: event.regarding,
    message: event.note,
    count: event.deprecatedCount,
    firstTimestamp: event.deprecatedFirstTimestamp,
    lastTimestamp: event.deprecatedLastTimestamp,
    source: event.deprecatedSource,
  };
}

/** "component, host", falling back to the reporting controller and instance. */
function eventSource(event: Record<string, unknown>): string {
  const source = record(event.source);
  const component = text(source.component) || text(event.reportingController);
  const instance = text(source.host) || text(event.reportingInstance);
  return instance ? `${component}, ${instance}` : component;
}
