/** Namespace, ConfigMap and Lease rows as kube-apiserver prints them. */
import type { KubeObject } from "@/lib/k8s/types";
import { AGE_COLUMN, NAME_COLUMN, age, column, type KindPrinter } from "./columns";
import { record, text } from "@/lib/k8s/object-fields";

export const namespacePrinter: KindPrinter = {
  columns: [NAME_COLUMN, column("Status", "The status of the namespace"), AGE_COLUMN],
  print(namespace: KubeObject, now: number) {
    // Upstream sets phase Active on create.
    const phase = text(record(namespace.status).phase) || "Active";
    return { cells: [namespace.metadata.name ?? "", phase, age(namespace, now)] };
  },
};

export const configMapPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column(
      "Data",
      "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.",
    ),
    AGE_COLUMN,
  ],
  print(configMap: KubeObject, now: number) {
    const keys = Object.keys(record(configMap.data)).length + Object.keys(record(configMap.binaryData)).length;
    return { cells: [configMap.metadata.name ?? "", keys, age(configMap, now)] };
  },
};

export const leasePrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column(
      "Holder",
      "holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.",
    ),
    AGE_COLUMN,
  ],
  print(lease: KubeObject, now: number) {
    return { cells: [lease.metadata.name ?? "", text(record(lease.spec).holderIdentity), age(lease, now)] };
  },
};
