/**
 * meta.k8s.io/v1 Table responses, the server-side printing kubectl asks for with
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. Without them kubectl prints only NAME AGE.
 */
import type { KubeObject, ListMeta } from "@/lib/k8s/types";
import { AGE_COLUMN, NAME_COLUMN, age, type KindPrinter, type TableColumnDefinition, type TableRowCondition } from "./columns";
import { eventPrinter } from "./event-printer";
import { leaderWorkerSetPrinter } from "./lws-printer";
import { configMapPrinter, leasePrinter, namespacePrinter } from "./meta-printers";
import { nodePrinter } from "./node-printer";
import { podPrinter } from "./pod-printer";
import { endpointsPrinter, servicePrinter } from "./service-printers";
import { persistentVolumeClaimPrinter } from "./storage-printers";
import { controllerRevisionPrinter, statefulSetPrinter } from "./workload-printers";

export type { TableColumnDefinition, TableRowCondition } from "./columns";

export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  object?: unknown;
}

export interface Table {
  kind: "Table";
  apiVersion: "meta.k8s.io/v1";
  metadata: ListMeta;
  /** null when headers were already sent, as upstream does for watch events after the first. */
  columnDefinitions: TableColumnDefinition[] | null;
  rows: TableRow[];
}

/** The `includeObject` query parameter: what each row carries besides its cells. */
export type IncludeObject = "None" | "Metadata" | "Object";

export interface TableOptions {
  now: number;
  includeObject: IncludeObject;
  withColumns: boolean;
  metadata: ListMeta;
}

/** Kinds with no printer of their own get the columns kubectl would fall back to anyway. */
const DEFAULT_PRINTER: KindPrinter = {
  columns: [NAME_COLUMN, AGE_COLUMN],
  print: (object, now) => ({ cells: [object.metadata.name ?? "", age(object, now)] }),
};

const PRINTERS = new Map<string, KindPrinter>([
  ["Pod", podPrinter],
  ["StatefulSet", statefulSetPrinter],
  ["ControllerRevision", controllerRevisionPrinter],
  ["Service", servicePrinter],
  ["Endpoints", endpointsPrinter],
  ["Node", nodePrinter],
  ["Event", eventPrinter],
  ["PersistentVolumeClaim", persistentVolumeClaimPrinter],
  ["Namespace", namespacePrinter],
  ["ConfigMap", configMapPrinter],
  ["Lease", leasePrinter],
  ["LeaderWorkerSet", leaderWorkerSetPrinter],
]);

/** Prints objects of one Kind ("Pod", "LeaderWorkerSet", ...) as a Table with one row each. */
export function toTable(kind: string, objects: readonly KubeObject[], opts: TableOptions): Table {
  const printer = PRINTERS.get(kind) ?? DEFAULT_PRINTER;
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: opts.metadata,
    columnDefinitions: opts.withColumns ? [...printer.columns] : null,
    rows: objects.map((object) => {
      const row: TableRow = printer.print(object, opts.now);
      const embedded = rowObject(object, opts.includeObject);
      return embedded === undefined ? row : { ...row, object: embedded };
    }),
  };
}

/** Metadata rows let kubectl fill NAMESPACE (-A), LABELS (--show-labels) and -L columns. */
function rowObject(object: KubeObject, includeObject: IncludeObject): unknown {
  switch (includeObject) {
    case "None":
      return undefined;
    case "Metadata":
      return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: object.metadata };
    case "Object":
      return object;
  }
}
