/** Service and Endpoints rows as kube-apiserver prints them. */
import type { KubeObject } from "@/lib/k8s/types";
import { AGE_COLUMN, NAME_COLUMN, age, column, formatLabels, type KindPrinter } from "./columns";
import { integer, record, records, stringMap, text, texts } from "@/lib/k8s/object-fields";

const SERVICE_COLUMNS = [
  NAME_COLUMN,
  column(
    "Type",
    'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
  ),
  column(
    "Cluster-IP",
    'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
  ),
  column(
    "External-IP",
    "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.",
  ),
  column(
    "Port(s)",
    "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
  ),
  AGE_COLUMN,
  column(
    "Selector",
    "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
    { priority: 1 },
  ),
];

export const servicePrinter: KindPrinter = {
  columns: SERVICE_COLUMNS,
  print(service: KubeObject, now: number) {
    const spec = record(service.spec);
    // Upstream defaults spec.type to ClusterIP and copies spec.clusterIP into spec.clusterIPs.
    const type = text(spec.type) || "ClusterIP";
    const clusterIP = texts(spec.clusterIPs)[0] || text(spec.clusterIP) || "<none>";
    const ports = servicePorts(records(spec.ports)) || "<none>";
    const cells = [service.metadata.name ?? "", type, clusterIP, externalIP(type, service), ports, age(service, now)];
    return { cells: [...cells, formatLabels(stringMap(spec.selector))] };
  },
};

function externalIP(type: string, service: KubeObject): string {
  const spec = record(service.spec);
  const externalIPs = texts(spec.externalIPs);
  switch (type) {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer":
      return [...loadBalancerAddresses(service), ...externalIPs].join(",") || "<pending>";
    case "ExternalName":
      return text(spec.externalName);
    default:
      return "<unknown>";
  }
}

/**
 * Ingress IPs (or hostnames), de-duplicated and sorted like upstream's string set. Upstream clips
 * them to 16 characters only for narrow output, and server-side tables are always generated wide.
 */
function loadBalancerAddresses(service: KubeObject): string[] {
  const ingress = records(record(record(record(service.status).loadBalancer)).ingress);
  const addresses = new Set(ingress.map((entry) => text(entry.ip) || text(entry.hostname)).filter((address) => address !== ""));
  return [...addresses].sort();
}

function servicePorts(ports: Record<string, unknown>[]): string {
  const pieces = ports.map((port) => {
    const protocol = text(port.protocol) || "TCP";
    const nodePort = integer(port.nodePort) ?? 0;
    return nodePort > 0 ? `${integer(port.port) ?? 0}:${nodePort}/${protocol}` : `${integer(port.port) ?? 0}/${protocol}`;
  });
  return pieces.join(",");
}

const MAX_ENDPOINTS = 3;

export const endpointsPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column(
      "Endpoints",
      "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.",
    ),
    AGE_COLUMN,
  ],
  print(endpoints: KubeObject, now: number) {
    return { cells: [endpoints.metadata.name ?? "", formatEndpoints(records(endpoints.subsets)), age(endpoints, now)] };
  },
};

/** The first three ready "ip:port" pairs, then "+ N more..."; headless subsets without ports list bare IPs. */
function formatEndpoints(subsets: Record<string, unknown>[]): string {
  if (subsets.length === 0) return "<none>";
  const all = subsets.flatMap((subset) => {
    const ips = records(subset.addresses).map((address) => text(address.ip));
    const ports = records(subset.ports);
    if (ports.length === 0) return ips;
    return ports.flatMap((port) => ips.map((ip) => joinHostPort(ip, integer(port.port) ?? 0)));
  });
  const shown = all.slice(0, MAX_ENDPOINTS).join(",");
  return all.length > MAX_ENDPOINTS ? `${shown} + ${all.length - MAX_ENDPOINTS} more...` : shown;
}

function joinHostPort(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}
