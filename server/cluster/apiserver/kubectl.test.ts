import { chmodSync, writeFileSync } from "node:fs";
import { SAMPLE_LWS } from "@/lib/lws/examples";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasKubectl, kubectl, kubectlStream } from "@/server/testing/kubectl";
import { startTestServer, type TestServer } from "@/server/testing/test-server";

// Container ports spell out protocol: TCP. The LWS schema defaults it inside the pod template
// (as upstream's CRD does), and kubectl's three-way merge would otherwise see a change on every
// apply and print "configured" instead of "unchanged" (true of upstream as well).
const LWS = (replicas: number) => SAMPLE_LWS.replace("replicas: 3", `replicas: ${replicas}`).replace("- containerPort: 8080", "- containerPort: 8080\n            protocol: TCP");

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p1
  labels: {app: demo}
spec:
  containers:
  - name: c
    image: busybox:1
`;

describe.skipIf(!hasKubectl)("the real kubectl against the embedded API", () => {
  let server: TestServer;
  let file: (name: string, contents: string) => string;
  const k = (args: string[], input?: string) => kubectl(server.kubeconfig, args, { input });

  beforeAll(async () => {
    server = await startTestServer();
    file = (name, contents) => {
      const path = join(server.dir, name);
      writeFileSync(path, contents);
      return path;
    };
  });
  afterAll(() => server.close());

  it("creates a namespace and lists the system ones", async () => {
    expect((await k(["create", "namespace", "team-a"])).stdout).toContain("namespace/team-a created");
    const ns = await k(["get", "ns"]);
    expect(ns.stdout).toMatch(/^NAME\s+STATUS\s+AGE$/m);
    for (const name of ["default", "kube-system", "team-a"]) expect(ns.stdout).toMatch(new RegExp(`^${name}\\s+Active`, "m"));
  });

  it("applies an LWS: created, unchanged, configured", async () => {
    const first = file("lws.yaml", LWS(3));
    expect((await k(["apply", "-f", first])).stdout).toContain("leaderworkerset-sample created");
    expect((await k(["apply", "-f", first])).stdout).toContain("leaderworkerset-sample unchanged");
    const changed = file("lws2.yaml", LWS(2));
    expect((await k(["apply", "-f", changed])).stdout).toContain("leaderworkerset-sample configured");
    const table = await k(["get", "lws"]);
    expect(table.stdout).toMatch(/^NAME\s+READY\s+DESIRED\s+UP-TO-DATE\s+AGE$/m);
    expect(table.stdout).toMatch(/^leaderworkerset-sample\s+2\s+\d+s$/m);
  });

  it("server-side applies, reports a conflict with another manager and takes over with --force-conflicts", async () => {
    const path = file("ssa.yaml", LWS(2).replace("leaderworkerset-sample", "ssa"));
    expect((await k(["apply", "--server-side", "-f", path])).stdout).toContain("leaderworkerset.leaderworkerset.x-k8s.io/ssa serverside-applied");
    expect((await k(["scale", "lws", "ssa", "--replicas=5"])).code).toBe(0);
    const conflict = await k(["apply", "--server-side", "-f", path]);
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toMatch(/Apply failed with 1 conflict: conflict with "kubectl[^"]*".*: \.spec\.replicas/);
    expect((await k(["apply", "--server-side", "--force-conflicts", "-f", path])).code).toBe(0);
    expect((await k(["get", "lws", "ssa", "-o", "jsonpath={.spec.replicas}"])).stdout).toBe("2");
  });

  it("prints objects as json, yaml and wide tables", async () => {
    await k(["apply", "-f", file("pod.yaml", POD)]);
    const json = JSON.parse((await k(["get", "pod", "p1", "-o", "json"])).stdout);
    expect(json).toMatchObject({ kind: "Pod", metadata: { name: "p1", labels: { app: "demo" } }, status: { phase: "Pending" } });
    expect((await k(["get", "lws", "-o", "yaml"])).stdout).toMatch(/^items:[\s\S]*name: leaderworkerset-sample[\s\S]*^kind: List$/m);
    const wide = await k(["get", "pods", "-o", "wide"]);
    expect(wide.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/m);
    expect(wide.stdout).toMatch(/^p1\s+0\/1\s+Pending\s+0\s+\d+s\s+<none>\s+<none>/m);
    expect((await k(["get", "pods", "-l", "app=demo", "-o", "name"])).stdout.trim()).toBe("pod/p1");
    expect((await k(["get", "pods", "-l", "app!=demo", "-o", "name"])).stdout.trim()).toBe("");
  });

  it("watches with get -w", async () => {
    await k(["create", "configmap", "before-watch"]);
    const watch = kubectlStream(server.kubeconfig, ["get", "configmaps", "-w"]);
    try {
      await watch.waitFor(/^before-watch\s+0\s+/m);
      await k(["create", "configmap", "watched", "--from-literal=a=1"]);
      await watch.waitFor(/^watched\s+1\s+/m);
      await k(["create", "configmap", "watched-2"]);
      await watch.waitFor(/^watched-2\s+0\s+/m);
    } finally {
      watch.child.kill();
    }
  });

  it("scales, patches (merge, json, strategic) and refuses strategic merge on the CRD", async () => {
    expect((await k(["scale", "lws", "leaderworkerset-sample", "--replicas=4"])).stdout).toContain("scaled");
    expect((await k(["scale", "lws", "leaderworkerset-sample", "--current-replicas=4", "--replicas=5"])).code).toBe(0);
    expect((await k(["scale", "lws", "leaderworkerset-sample", "--current-replicas=4", "--replicas=6"])).code).not.toBe(0);
    expect((await k(["patch", "lws", "leaderworkerset-sample", "--type=merge", "-p", '{"spec":{"replicas":3}}'])).stdout).toContain("patched");
    expect((await k(["patch", "lws", "leaderworkerset-sample", "--type=json", "-p", '[{"op":"replace","path":"/spec/replicas","value":2}]'])).stdout).toContain("patched");
    const smp = await k(["patch", "lws", "leaderworkerset-sample", "-p", '{"spec":{"replicas":1}}']);
    expect(smp.stderr).toContain("application/strategic-merge-patch+json is not supported by leaderworkerset.x-k8s.io/v1, Kind=LeaderWorkerSet");
    expect((await k(["patch", "pod", "p1", "-p", '{"spec":{"containers":[{"name":"c","image":"busybox:2"}]}}'])).stdout).toContain("patched");
    expect((await k(["get", "pod", "p1", "-o", "jsonpath={.spec.containers[0].image}"])).stdout).toBe("busybox:2");
    expect((await k(["get", "lws", "leaderworkerset-sample", "-o", "jsonpath={.spec.replicas}"])).stdout).toBe("2");
  });

  it("labels, annotates and edits through KUBE_EDITOR", async () => {
    expect((await k(["label", "lws", "leaderworkerset-sample", "team=ml"])).stdout).toContain("labeled");
    expect((await k(["annotate", "lws", "leaderworkerset-sample", "note=hello"])).stdout).toContain("annotated");
    const editor = file("editor.sh", "#!/bin/sh\nsed -i 's/replicas: 2/replicas: 7/' \"$1\"\n");
    chmodSync(editor, 0o755);
    const edit = await kubectl(server.kubeconfig, ["edit", "lws", "leaderworkerset-sample"], { env: { KUBE_EDITOR: editor } });
    expect(edit.stdout).toContain("edited");
    const lws = JSON.parse((await k(["get", "lws", "leaderworkerset-sample", "-o", "json"])).stdout);
    expect(lws.spec.replicas).toBe(7);
    expect(lws.metadata.labels.team).toBe("ml");
    expect(lws.metadata.annotations.note).toBe("hello");
  });

  it("describes a pod with its events", async () => {
    const pod = JSON.parse((await k(["get", "pod", "p1", "-o", "json"])).stdout);
    const event = { apiVersion: "v1", kind: "Event", metadata: { name: "p1.1" }, involvedObject: { kind: "Pod", name: "p1", namespace: "default", uid: pod.metadata.uid }, reason: "Testing", message: "hello from the test", type: "Normal", count: 1, firstTimestamp: pod.metadata.creationTimestamp, lastTimestamp: pod.metadata.creationTimestamp, source: { component: "test" } };
    expect((await k(["create", "-f", "-"], JSON.stringify(event))).code).toBe(0);
    const described = (await k(["describe", "pod", "p1"])).stdout;
    expect(described).toMatch(/Name:\s+p1/);
    expect(described).toMatch(/Normal\s+Testing\s+.*hello from the test/);
    expect((await k(["describe", "lws", "leaderworkerset-sample"])).stdout).toMatch(/Kind:\s+LeaderWorkerSet/);
  });

  it("deletes with cascade: background, orphan and foreground", async () => {
    const owner = async (name: string) => {
      await k(["apply", "-f", file(`${name}.yaml`, LWS(1).replace("leaderworkerset-sample", name))]);
      const uid = (await k(["get", "lws", name, "-o", "jsonpath={.metadata.uid}"])).stdout;
      const dependent = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `${name}-dep`, ownerReferences: [{ apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", name, uid, blockOwnerDeletion: true, controller: true }] } };
      await k(["create", "-f", "-"], JSON.stringify(dependent));
    };
    await owner("bg");
    expect((await k(["delete", "lws", "bg"])).stdout).toContain('"bg" deleted');
    await server.cluster.settle();
    expect((await k(["get", "cm", "bg-dep"])).stderr).toContain('configmaps "bg-dep" not found');

    await owner("orphan");
    await k(["delete", "lws", "orphan", "--cascade=orphan"]);
    await server.cluster.settle();
    const kept = JSON.parse((await k(["get", "cm", "orphan-dep", "-o", "json"])).stdout);
    expect(kept.metadata.ownerReferences).toBeUndefined();

    await owner("fg");
    expect((await k(["delete", "lws", "fg", "--cascade=foreground"])).code).toBe(0);
    expect((await k(["get", "cm", "fg-dep"])).stderr).toContain("not found");
    expect((await k(["get", "lws", "fg"])).stderr).toContain("not found");
  });

  it("lists API resources and explains the LWS", async () => {
    const resources = (await k(["api-resources"])).stdout;
    expect(resources).toMatch(/^leaderworkersets\s+lws\s+leaderworkerset\.x-k8s\.io\/v1\s+true\s+LeaderWorkerSet$/m);
    expect(resources).toMatch(/^statefulsets\s+sts\s+apps\/v1\s+true\s+StatefulSet$/m);
    const explain = (await k(["explain", "lws.spec.leaderWorkerTemplate"])).stdout;
    expect(explain).toContain("KIND:       LeaderWorkerSet");
    expect(explain).toMatch(/size\s+<integer>/);
    expect(explain).toMatch(/workerTemplate\s+<PodTemplateSpec> -required-/);
  });

  it("answers 401 to a wrong token and 422 with field causes to invalid input", async () => {
    const bad = file("bad-kubeconfig", (await import("node:fs")).readFileSync(server.kubeconfig, "utf8").replace(server.token, "wrong"));
    expect((await kubectl(bad, ["get", "pods"])).stderr).toContain("You must be logged in to the server");
    const invalid = await k(["apply", "-f", "-"], "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n");
    expect(invalid.stderr).toContain('The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain');
    const generated = await k(["create", "configmap", "Bad_Name"]);
    expect(generated.stderr).toContain('ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"');
  });
});
