import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/k8s/api-errors";
import { decodeKubernetesProtobuf } from "./decode";
import { KUBECTL_FIXTURES } from "./kubectl-fixtures";
import { bytesField, concat, kubernetesProtobuf, mapEntry, message, string, tag, varint } from "./test-encoder";
import { WireType } from "./wire";

function failure(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError");
}

const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));

/** An unset meta/v1 Time, as Go writes it: present but empty. */
const unsetTime = (field: number) => message(field);

describe("decodeKubernetesProtobuf on bodies recorded from kubectl 1.32", () => {
  it.each(KUBECTL_FIXTURES.map((f) => [f.command, f] as const))("%s", (_command, fixture) => {
    expect(decodeKubernetesProtobuf(fromBase64(fixture.protobuf))).toEqual(fixture.json);
  });

  it("throws a 400, not a crash, on every truncation of a recorded body", () => {
    const body = fromBase64(KUBECTL_FIXTURES.find((f) => f.command.includes("deployment d "))!.protobuf);
    for (let length = 0; length < body.length; length++) {
      let outcome: unknown = "decoded";
      try {
        decodeKubernetesProtobuf(body.subarray(0, length));
      } catch (err) {
        outcome = err;
      }
      // A cut that lands between fields of the envelope can still parse; anything else must be a 400.
      if (outcome !== "decoded") expect(outcome).toMatchObject({ code: 400 });
    }
  });
});

describe("decodeKubernetesProtobuf envelope handling", () => {
  it("refuses a body without the k8s magic", () => {
    const err = failure(() => decodeKubernetesProtobuf(new TextEncoder().encode('{"kind":"Pod"}')));
    expect(err.code).toBe(400);
    expect(err.message).toMatch(/k8s\\x00/);
  });

  it("answers 415 naming the kind it cannot decode", () => {
    const err = failure(() => decodeKubernetesProtobuf(kubernetesProtobuf("batch/v1", "Job", message(1, string(1, "j")))));
    expect(err.code).toBe(415);
    expect(err.reason).toBe("UnsupportedMediaType");
    expect(err.message).toContain("Job (batch/v1)");
  });

  it("answers 415 for an encoded (e.g. gzip) payload", () => {
    const err = failure(() => decodeKubernetesProtobuf(kubernetesProtobuf("v1", "Namespace", new Uint8Array(), "gzip")));
    expect(err.code).toBe(415);
    expect(err.message).toContain('"gzip"');
  });

  it("refuses an envelope that names no kind", () => {
    expect(failure(() => decodeKubernetesProtobuf(kubernetesProtobuf("v1", "", new Uint8Array()))).code).toBe(400);
  });

  it("gives an object without metadata an empty one", () => {
    expect(decodeKubernetesProtobuf(kubernetesProtobuf("v1", "ConfigMap", new Uint8Array()))).toEqual({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: {},
    });
  });

  it("refuses a field sent with the wrong wire type", () => {
    const body = kubernetesProtobuf("v1", "ConfigMap", message(1, varint(1, 5)));
    expect(failure(() => decodeKubernetesProtobuf(body)).message).toMatch(/field "name" has wire type 0, expected 2/);
  });
});

describe("decodeKubernetesProtobuf field mapping", () => {
  it("decodes a policy/v1 Eviction with its DeleteOptions, keeping pointer zeros", () => {
    const eviction = concat(
      message(1, string(1, "web-0"), string(3, "default"), unsetTime(8)),
      message(2, varint(1, 0), message(2, string(1, "uid-1"), string(2, "42")), string(4, "Foreground"), string(5, "All")),
    );
    expect(decodeKubernetesProtobuf(kubernetesProtobuf("policy/v1", "Eviction", eviction))).toEqual({
      apiVersion: "policy/v1",
      kind: "Eviction",
      metadata: { name: "web-0", namespace: "default" },
      deleteOptions: {
        gracePeriodSeconds: 0,
        preconditions: { uid: "uid-1", resourceVersion: "42" },
        propagationPolicy: "Foreground",
        dryRun: ["All"],
      },
    });
  });

  it("decodes ObjectMeta's maps, owner references, times and finalizers", () => {
    const meta = message(
      1,
      string(1, "p"),
      varint(7, 3),
      message(8, varint(1, 1_700_000_000), varint(2, 500)),
      mapEntry(11, "app", string(2, "web")),
      mapEntry(11, "__proto__", string(2, "kept")),
      mapEntry(12, "note", string(2, "")),
      message(13, string(5, "apps/v1"), string(1, "ReplicaSet"), string(3, "rs"), string(4, "u1"), varint(6, true), varint(7, false)),
      string(14, "example.com/f"),
    );
    const pod = decodeKubernetesProtobuf(kubernetesProtobuf("v1", "Pod", meta));
    expect(pod.metadata).toEqual({
      name: "p",
      generation: 3,
      creationTimestamp: "2023-11-14T22:13:20Z",
      labels: JSON.parse('{"app":"web","__proto__":"kept"}'),
      annotations: { note: "" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "u1", controller: true, blockOwnerDeletion: false }],
      finalizers: ["example.com/f"],
    });
    expect(Object.getPrototypeOf(pod.metadata.labels)).toBe(Object.prototype);
  });

  it("decodes a Pod spec: containers, quantities, env sources, probes, volumes, scheduling", () => {
    const container = concat(
      string(1, "web"),
      string(2, "nginx:1.27"),
      string(3, "nginx"),
      string(4, "-g"),
      message(6, string(1, "http"), varint(2, 0), varint(3, 80), string(4, "TCP"), string(5, "")),
      message(7, string(1, "A"), string(2, "1")),
      message(7, string(1, "B"), message(3, message(3, message(1, string(1, "cm")), string(2, "k"), varint(3, false)))),
      message(7, string(1, "C"), message(3, message(2, string(2, "limits.cpu"), message(3, string(1, "1m"))))),
      message(8, mapEntry(1, "memory", message(2, string(1, "128Mi"))), mapEntry(2, "cpu", message(2, string(1, "100m")))),
      message(9, string(1, "cfg"), varint(2, true), string(3, "/etc/cfg")),
      message(11, message(1, message(2, string(1, "/healthz"), message(2, varint(1, 1), string(3, "http")))), varint(4, 5)),
      message(10, message(1, message(3, message(1, varint(1, 0), varint(2, 8080)))), varint(2, 0)),
    );
    const spec = concat(
      message(1, string(1, "cfg"), message(2, message(19, message(1, string(1, "app-config")), varint(3, 420)))),
      message(1, string(1, "scratch"), message(2, message(2, string(1, "Memory")))),
      message(2, container),
      string(3, "Always"),
      varint(4, 0),
      varint(25, -5),
      message(22, string(1, "node.kubernetes.io/not-ready"), string(2, "Exists"), string(3, ""), string(4, "NoExecute"), varint(5, 0)),
      message(18, message(1, message(1, message(1, message(1, string(1, "zone"), string(2, "In"), string(3, "a"), string(3, "b")))))),
      message(14, varint(4, 1000), varint(4, 2000)),
      concat(tag(999, WireType.Fixed32), new Uint8Array(4)),
    );
    const pod = decodeKubernetesProtobuf(kubernetesProtobuf("v1", "Pod", concat(message(1, string(1, "web")), message(2, spec), message(3))));
    expect(pod.spec).toEqual({
      volumes: [
        { name: "cfg", configMap: { name: "app-config", defaultMode: 420 } },
        { name: "scratch", emptyDir: { medium: "Memory" } },
      ],
      containers: [
        {
          name: "web",
          image: "nginx:1.27",
          command: ["nginx"],
          args: ["-g"],
          ports: [{ name: "http", containerPort: 80, protocol: "TCP" }],
          env: [
            { name: "A", value: "1" },
            { name: "B", valueFrom: { configMapKeyRef: { name: "cm", key: "k", optional: false } } },
            { name: "C", valueFrom: { resourceFieldRef: { resource: "limits.cpu", divisor: "1m" } } },
          ],
          resources: { limits: { memory: "128Mi" }, requests: { cpu: "100m" } },
          volumeMounts: [{ name: "cfg", readOnly: true, mountPath: "/etc/cfg" }],
          readinessProbe: { httpGet: { path: "/healthz", port: "http" }, periodSeconds: 5 },
          livenessProbe: { tcpSocket: { port: 8080 } },
        },
      ],
      restartPolicy: "Always",
      terminationGracePeriodSeconds: 0,
      priority: -5,
      tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 0 }],
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }] }],
          },
        },
      },
      securityContext: { supplementalGroups: [1000, 2000] },
    });
    expect(pod.status).toEqual({});
  });

  it("reads packed repeated integers as well as unpacked ones", () => {
    const packed = bytesField(4, concat(Uint8Array.of(0xe8, 0x07), Uint8Array.of(0xd0, 0x0f)));
    const pod = decodeKubernetesProtobuf(kubernetesProtobuf("v1", "Pod", message(2, message(14, packed))));
    expect(pod.spec).toEqual({ securityContext: { supplementalGroups: [1000, 2000] } });
  });

  it("decodes a Deployment's rolling update IntOrStrings, keeping a pointer zero", () => {
    const strategy = message(4, string(1, "RollingUpdate"), message(2, message(1, varint(1, 1), string(3, "25%")), message(2, varint(2, 0))));
    const deployment = decodeKubernetesProtobuf(kubernetesProtobuf("apps/v1", "Deployment", message(2, strategy, varint(6, 0))));
    expect(deployment.spec).toEqual({
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: 0 } },
      revisionHistoryLimit: 0,
    });
  });

  it("decodes a Binding's target and an Event's times", () => {
    const binding = decodeKubernetesProtobuf(
      kubernetesProtobuf("v1", "Binding", concat(message(1, string(1, "p")), message(2, string(1, "Node"), string(3, "node-1")))),
    );
    expect(binding).toEqual({ apiVersion: "v1", kind: "Binding", metadata: { name: "p" }, target: { kind: "Node", name: "node-1" } });

    const event = concat(
      message(1, string(1, "p.1"), string(3, "default")),
      message(2, string(1, "Pod"), string(3, "p")),
      string(3, "Scheduled"),
      message(5, string(1, "scheduler")),
      unsetTime(6),
      message(7, varint(1, 0)),
      varint(8, 2),
      string(9, "Normal"),
      message(10, varint(1, 1_700_000_000), varint(2, 123_456_789)),
    );
    expect(decodeKubernetesProtobuf(kubernetesProtobuf("v1", "Event", event))).toEqual({
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "p.1", namespace: "default" },
      involvedObject: { kind: "Pod", name: "p" },
      reason: "Scheduled",
      source: { component: "scheduler" },
      lastTimestamp: "1970-01-01T00:00:00Z",
      count: 2,
      type: "Normal",
      eventTime: "2023-11-14T22:13:20.123456Z",
    });
  });

  it("lets the last occurrence of a singular field win, and a later zero clear it", () => {
    const meta = message(1, string(1, "first"), string(1, "second"), string(3, "ns"), string(3, ""));
    expect(decodeKubernetesProtobuf(kubernetesProtobuf("v1", "Secret", meta)).metadata).toEqual({ name: "second" });
  });

  it("fills absent map entry parts with zero values", () => {
    const secret = concat(message(2, string(1, "empty")), message(4, string(2, "no-key")), string(3, "Opaque"));
    expect(decodeKubernetesProtobuf(kubernetesProtobuf("v1", "Secret", secret))).toMatchObject({
      data: { empty: "" },
      stringData: { "": "no-key" },
      type: "Opaque",
    });
  });
});
