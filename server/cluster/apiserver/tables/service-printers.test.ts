import { describe, expect, it } from "vitest";
import { endpointsPrinter, servicePrinter } from "./service-printers";
import { NOW, kubeObject } from "./test-objects";

function service(spec: Record<string, unknown>, status: Record<string, unknown> = {}) {
  return kubeObject("v1", "Service", { name: "leaderworkerset-sample" }, { spec, status });
}

describe("service rows", () => {
  it.each([
    [
      "a ClusterIP service",
      { type: "ClusterIP", clusterIP: "10.96.0.12", clusterIPs: ["10.96.0.12"], ports: [{ port: 80, protocol: "TCP" }, { port: 443, protocol: "TCP" }], selector: { role: "leader", app: "lws" } },
      {},
      ["ClusterIP", "10.96.0.12", "<none>", "80/TCP,443/TCP", "6m10s", "app=lws,role=leader"],
    ],
    [
      "the headless service LWS creates",
      { clusterIP: "None", clusterIPs: ["None"], selector: { "leaderworkerset.sigs.k8s.io/name": "leaderworkerset-sample" } },
      {},
      ["ClusterIP", "None", "<none>", "<none>", "6m10s", "leaderworkerset.sigs.k8s.io/name=leaderworkerset-sample"],
    ],
    [
      "a NodePort service with external IPs",
      { type: "NodePort", clusterIP: "10.96.0.13", externalIPs: ["192.0.2.1", "192.0.2.2"], ports: [{ port: 80, nodePort: 30080, protocol: "UDP" }] },
      {},
      ["NodePort", "10.96.0.13", "192.0.2.1,192.0.2.2", "80:30080/UDP", "6m10s", "<none>"],
    ],
    ["a pending LoadBalancer", { type: "LoadBalancer", clusterIPs: ["10.96.0.14"], ports: [{ port: 8080 }] }, {}, ["LoadBalancer", "10.96.0.14", "<pending>", "8080/TCP", "6m10s", "<none>"]],
    [
      "a provisioned LoadBalancer",
      { type: "LoadBalancer", clusterIPs: ["10.96.0.15"], externalIPs: ["192.0.2.9"] },
      { loadBalancer: { ingress: [{ ip: "203.0.113.7" }, { hostname: "lb.example.com" }, { ip: "203.0.113.7" }] } },
      ["LoadBalancer", "10.96.0.15", "203.0.113.7,lb.example.com,192.0.2.9", "<none>", "6m10s", "<none>"],
    ],
    ["an ExternalName service", { type: "ExternalName", externalName: "db.example.com" }, {}, ["ExternalName", "<none>", "db.example.com", "<none>", "6m10s", "<none>"]],
  ])("prints %s", (_, spec, status, expected) => {
    expect(servicePrinter.print(service(spec, status), NOW).cells).toEqual(["leaderworkerset-sample", ...expected]);
  });
});

describe("endpoints rows", () => {
  const endpoints = (subsets: unknown) => kubeObject("v1", "Endpoints", { name: "leaderworkerset-sample" }, subsets === undefined ? {} : { subsets });

  it.each([
    ["<none> without subsets", undefined, "<none>"],
    ["ip:port pairs", [{ addresses: [{ ip: "10.0.0.5" }, { ip: "10.0.0.6" }], ports: [{ name: "http", port: 8080 }] }], "10.0.0.5:8080,10.0.0.6:8080"],
    ["bare IPs for a headless service without ports", [{ addresses: [{ ip: "10.0.0.5" }] }], "10.0.0.5"],
    ["bracketed IPv6 hosts", [{ addresses: [{ ip: "fd00::5" }], ports: [{ port: 80 }] }], "[fd00::5]:80"],
    [
      "the first three and a count of the rest",
      [
        { addresses: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }], ports: [{ port: 80 }, { port: 443 }] },
        { addresses: [{ ip: "10.0.0.3" }] },
      ],
      "10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 2 more...",
    ],
  ])("prints %s", (_, subsets, expected) => {
    expect(endpointsPrinter.print(endpoints(subsets), NOW).cells).toEqual(["leaderworkerset-sample", expected, "6m10s"]);
  });
});
