/** Node rows as kube-apiserver prints them. */
import type { KubeObject } from "@/lib/k8s/types";
import { AGE_COLUMN, NAME_COLUMN, age, column, type KindPrinter } from "./columns";
import { record, records, text } from "@/lib/k8s/object-fields";

const ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
/** The older single-valued role label, still honoured by upstream's printer. */
const LEGACY_ROLE_LABEL = "kubernetes.io/role";

const ADDRESSES_DESCRIPTION =
  "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

const COLUMNS = [
  NAME_COLUMN,
  column("Status", "The status of the node"),
  column("Roles", "The roles of the node"),
  AGE_COLUMN,
  column("Version", "Kubelet Version reported by the node."),
  column("Internal-IP", ADDRESSES_DESCRIPTION, { priority: 1 }),
  column("External-IP", ADDRESSES_DESCRIPTION, { priority: 1 }),
  column("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", { priority: 1 }),
  column("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", { priority: 1 }),
  column("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", { priority: 1 }),
];

export const nodePrinter: KindPrinter = {
  columns: COLUMNS,
  print(node: KubeObject, now: number) {
    const status = record(node.status);
    const info = record(status.nodeInfo);
    const cells = [node.metadata.name ?? "", nodeStatus(node), nodeRoles(node), age(node, now), text(info.kubeletVersion)];
    const wide = [
      nodeAddress(status, "InternalIP"),
      nodeAddress(status, "ExternalIP"),
      text(info.osImage) || "<unknown>",
      text(info.kernelVersion) || "<unknown>",
      text(info.containerRuntimeVersion) || "<unknown>",
    ];
    return { cells: [...cells, ...wide] };
  },
};

/** Ready / NotReady from the Ready condition (any status but True is NotReady), Unknown without one. */
function nodeStatus(node: KubeObject): string {
  const ready = records(record(node.status).conditions).findLast((condition) => condition.type === "Ready");
  const states = [ready === undefined ? "Unknown" : ready.status === "True" ? "Ready" : "NotReady"];
  if (record(node.spec).unschedulable === true) states.push("SchedulingDisabled");
  return states.join(",");
}

function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_LABEL_PREFIX) && key.length > ROLE_LABEL_PREFIX.length) roles.add(key.slice(ROLE_LABEL_PREFIX.length));
    else if (key === LEGACY_ROLE_LABEL && value !== "") roles.add(value);
  }
  return [...roles].sort().join(",") || "<none>";
}

function nodeAddress(status: Record<string, unknown>, type: string): string {
  return text(records(status.addresses).find((address) => address.type === type)?.address) || "<none>";
}
