/**
 * LeaderWorkerSet rows, printed the way the apiextensions server prints a CRD's
 * additionalPrinterColumns: each cell is read by JSONPath, and a missing value is a null cell
 * (kubectl leaves it blank).
 */
import type { KubeObject } from "@/lib/k8s/types";
import { NAME_COLUMN, column, type KindPrinter } from "./columns";
import { humanDuration } from "./human-duration";
import { integer, record, timestamp } from "@/lib/k8s/object-fields";

const COLUMNS = [
  NAME_COLUMN,
  column("Ready", "Number of ready replicas", { type: "integer" }),
  column("Desired", "Number of desired replicas", { type: "integer" }),
  column("Up-to-date", "Number of up-to-date replicas", { type: "integer" }),
  // The CRD gives Age no description, so the server describes it by its JSONPath.
  column("Age", "Custom resource definition column (in JSONPath format): .metadata.creationTimestamp", { type: "date" }),
];

export const leaderWorkerSetPrinter: KindPrinter = {
  columns: COLUMNS,
  print(lws: KubeObject, now: number) {
    const status = record(lws.status);
    const counts = [status.readyReplicas, record(lws.spec).replicas, status.updatedReplicas].map(integerCell);
    return { cells: [lws.metadata.name ?? "", ...counts, dateCell(lws.metadata.creationTimestamp, now)] };
  },
};

function integerCell(value: unknown): number | null {
  return integer(value) ?? null;
}

/** A "date" column holds the age as of the response, "<invalid>" for a string that is no timestamp. */
function dateCell(value: unknown, now: number): string | null {
  if (typeof value !== "string") return null;
  const time = timestamp(value);
  return time === undefined ? "<invalid>" : humanDuration(now - time);
}
