/**
 * The vocabulary every printer shares: column and row shapes, upstream's common columns, and
 * the cell formatters (ages, label sets, container lists) kube-apiserver uses for many kinds.
 */
import type { KubeObject } from "@/lib/k8s/types";
import { humanDuration } from "./human-duration";
import { record, records, text, timestamp } from "@/lib/k8s/object-fields";

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** Upstream marks finished pods with a Completed condition so clients may dim or hide them. */
export interface TableRowCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

export interface PrintedRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
}

/** The columns of one kind and how to fill them; cells include the priority-1 ("wide") ones. */
export interface KindPrinter {
  columns: readonly TableColumnDefinition[];
  print(object: KubeObject, now: number): PrintedRow;
}

type ColumnOptions = Partial<Pick<TableColumnDefinition, "type" | "format" | "priority">>;

export function column(name: string, description: string, options: ColumnOptions = {}): TableColumnDefinition {
  return { name, type: options.type ?? "string", format: options.format ?? "", description, priority: options.priority ?? 0 };
}

export const NAME_DESCRIPTION =
  "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

export const CREATION_TIMESTAMP_DESCRIPTION =
  "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

export const NAME_COLUMN = column("Name", NAME_DESCRIPTION, { format: "name" });
export const AGE_COLUMN = column("Age", CREATION_TIMESTAMP_DESCRIPTION);
export const CONTAINERS_COLUMN = column("Containers", "Names of each container in the template.", { priority: 1 });
export const IMAGES_COLUMN = column("Images", "Images referenced by each container in the template.", { priority: 1 });

/** Upstream's translateTimestampSince: the age of a timestamp, "<unknown>" when it is unset. */
export function since(value: unknown, now: number): string {
  const time = timestamp(value);
  return time === undefined ? "<unknown>" : humanDuration(now - time);
}

export function age(object: KubeObject, now: number): string {
  return since(object.metadata.creationTimestamp, now);
}

/** labels.FormatLabels: "k=v,…" sorted by key, "<none>" when empty. */
export function formatLabels(labels: Record<string, string>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`);
  return pairs.length > 0 ? pairs.join(",") : "<none>";
}

/** The Containers and Images cells of a pod template, comma-joined in spec order. */
export function containerCells(template: unknown): [names: string, images: string] {
  const containers = records(record(record(template).spec).containers);
  return [containers.map((c) => text(c.name)).join(","), containers.map((c) => text(c.image)).join(",")];
}
