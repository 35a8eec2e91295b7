import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, isAlreadyExists, isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { clone } from "@/lib/k8s/deep-equal";
import { CONFIG_MAPS, LEADER_WORKER_SETS, NODES, PODS, STATEFUL_SETS, type ResourceInfo } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { waitFor } from "@/server/testing/wait-for";
import type { Client, ClientWatchEvent, Watch } from "./client";

/*
 * One behavioural contract for every Client: the embedded one and the kube one must agree with each other
 * (and with kube-apiserver) on results, errors and watch semantics, so a controller tested on one runs on both.
 * The cluster behind `setup` must keep a short watch history (historySize 5) for the expiry case.
 * Logs need kubelets: describeLogConformance runs on a simulated cluster whose pods start at once.
 */

const NS = "default";

interface ObjectWith<T> extends KubeObject {
  spec: T;
  status?: Record<string, unknown>;
}
type ConfigMap = KubeObject & { data?: Record<string, string> };
type Lws = ObjectWith<{ replicas: number }>;
type Pod = ObjectWith<{ nodeName?: string }>;

const configMap = (name: string, data: Record<string, string> = {}, labels?: Record<string, string>): ConfigMap => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: NS, ...(labels ? { labels } : {}) },
  data,
});

const containers = [{ name: "main", image: "nginx:1.27" }];

const lws = (name: string, replicas = 1): Lws => ({
  apiVersion: "leaderworkerset.x-k8s.io/v1",
  kind: "LeaderWorkerSet",
  metadata: { name, namespace: NS },
  spec: { replicas, leaderWorkerTemplate: { size: 2, workerTemplate: { spec: { containers } } } } as Lws["spec"],
});

const statefulSet = (name: string): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { name, namespace: NS },
  spec: { replicas: 1, serviceName: name, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers } } },
});

const pod = (name: string): Pod => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: NS }, spec: { containers } as Pod["spec"] });
const node = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Node", metadata: { name } });

/** The ApiError a call fails with (and fails the test when it succeeds). */
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

/** "TYPE name" lines for a watch's object events. */
function recordEvents(client: Client, resource: ResourceInfo, options: Parameters<Client["watch"]>[1]): { lines: string[]; watch: Watch } {
  const lines: string[] = [];
  const describeEvent = (e: ClientWatchEvent) => (e.type === "BOOKMARK" ? undefined : `${e.type} ${e.object.metadata.name}`);
  const watch = client.watch(resource, options, (e) => {
    const line = describeEvent(e);
    if (line) lines.push(line);
  });
  return { lines, watch };
}

export function describeClientConformance(name: string, setup: () => Promise<{ client: Client; teardown(): Promise<void> }>): void {
  describe(`Client conformance: ${name}`, () => {
    let client: Client;
    let teardown = async () => {};
    beforeAll(async () => {
      ({ client, teardown } = await setup());
    });
    afterAll(() => teardown());
    const c = () => client;

    describeCrud(c);
    describeErrors(c);
    describeLists(c);
    describeWatches(c);
    describeSubresources(c);
    describeServerSideApply(c);
  });
}

function describeCrud(client: () => Client): void {
  it("creates, gets, updates, patches (merge, json, strategic) and deletes a ConfigMap", async () => {
    const created = await client().create(CONFIG_MAPS, configMap("crud", { k: "v1" }), { fieldManager: "conformance" });
    expect(created.metadata).toMatchObject({ name: "crud", namespace: NS });
    expect(created.metadata.managedFields?.map((f) => f.manager)).toEqual(["conformance"]);
    expect((await client().get<ConfigMap>(CONFIG_MAPS, NS, "crud")).data).toEqual({ k: "v1" });
    const updated = await client().update(CONFIG_MAPS, { ...clone(created), data: { k: "v2" } });
    expect(updated.data).toEqual({ k: "v2" });
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
    const merged = await client().patch<ConfigMap>(CONFIG_MAPS, NS, "crud", { type: "merge", body: { data: { m: "merge" } } });
    expect(merged.data).toEqual({ k: "v2", m: "merge" });
    const jsonPatched = await client().patch<ConfigMap>(CONFIG_MAPS, NS, "crud", { type: "json", body: [{ op: "replace", path: "/data/k", value: "json" }] });
    expect(jsonPatched.data).toEqual({ k: "json", m: "merge" });
    const strategic = await client().patch<ConfigMap>(CONFIG_MAPS, NS, "crud", { type: "strategic", body: { metadata: { labels: { smp: "yes" } } } });
    expect(strategic.metadata.labels).toEqual({ smp: "yes" });
    await client().delete(CONFIG_MAPS, NS, "crud");
    expect(isNotFound(await failure(client().get(CONFIG_MAPS, NS, "crud")))).toBe(true);
  });

  it("creates, updates, patches and deletes a LeaderWorkerSet", async () => {
    const created = await client().create(LEADER_WORKER_SETS, lws("crud-lws", 2));
    expect(created.metadata.generation).toBe(1);
    const updated = await client().update(LEADER_WORKER_SETS, { ...clone(created), spec: { ...clone(created.spec), replicas: 3 } });
    expect(updated.spec.replicas).toBe(3);
    expect(updated.metadata.generation).toBe(2);
    const patched = await client().patch<Lws>(LEADER_WORKER_SETS, NS, "crud-lws", { type: "merge", body: { spec: { replicas: 4 } } });
    expect(patched.spec.replicas).toBe(4);
    const smp = await failure(client().patch(LEADER_WORKER_SETS, NS, "crud-lws", { type: "strategic", body: { spec: { replicas: 5 } } }));
    expect(smp.code).toBe(415);
    await client().delete(LEADER_WORKER_SETS, NS, "crud-lws");
    expect(isNotFound(await failure(client().get(LEADER_WORKER_SETS, NS, "crud-lws")))).toBe(true);
  });

  it("does not persist a dry-run create", async () => {
    const dry = await client().create(CONFIG_MAPS, configMap("dry-run"), { dryRun: true });
    expect(dry.metadata.name).toBe("dry-run");
    expect(isNotFound(await failure(client().get(CONFIG_MAPS, NS, "dry-run")))).toBe(true);
  });
}

function describeErrors(client: () => Client): void {
  it("reports a stale resourceVersion as a Conflict", async () => {
    const created = await client().create(CONFIG_MAPS, configMap("stale", { k: "1" }));
    await client().update(CONFIG_MAPS, { ...clone(created), data: { k: "2" } });
    const err = await failure(client().update(CONFIG_MAPS, { ...clone(created), data: { k: "3" } }));
    expect(isConflict(err)).toBe(true);
    expect(err).toMatchObject({ code: 409, reason: "Conflict", details: { name: "stale" } });
    const precondition = await failure(client().delete(CONFIG_MAPS, NS, "stale", { preconditions: { resourceVersion: created.metadata.resourceVersion } }));
    expect(isConflict(precondition)).toBe(true);
  });

  it.each([
    ["get", (cl: Client) => cl.get(CONFIG_MAPS, NS, "missing")],
    ["update", (cl: Client) => cl.update(CONFIG_MAPS, configMap("missing"))],
    ["patch", (cl: Client) => cl.patch(CONFIG_MAPS, NS, "missing", { type: "merge", body: {} })],
    ["delete", (cl: Client) => cl.delete(CONFIG_MAPS, NS, "missing")],
    ["getScale", (cl: Client) => cl.getScale(STATEFUL_SETS, NS, "missing")],
    ["bind", (cl: Client) => cl.bind(NS, "missing", "node")],
    ["evict", (cl: Client) => cl.evict(NS, "missing")],
  ])("reports %s of a missing object as NotFound", async (_, call) => {
    const err = await failure(call(client()));
    expect(isNotFound(err)).toBe(true);
    expect(err).toMatchObject({ code: 404, reason: "NotFound", details: { name: "missing" } });
  });

  it("reports a second create of a name as AlreadyExists", async () => {
    await client().create(CONFIG_MAPS, configMap("twice"));
    const err = await failure(client().create(CONFIG_MAPS, configMap("twice")));
    expect(isAlreadyExists(err)).toBe(true);
    expect(err.code).toBe(409);
  });

  it("reports an invalid object as Invalid with causes", async () => {
    const err = await failure(client().create(STATEFUL_SETS, { ...statefulSet("bad"), spec: { replicas: -1, selector: { matchLabels: { app: "x" } }, template: { metadata: { labels: { app: "x" } }, spec: { containers } } } }));
    expect(err).toMatchObject({ code: 422, reason: "Invalid" });
    expect(err.details?.causes?.map((cause) => cause.field)).toContain("spec.replicas");
  });
}

function describeLists(client: () => Client): void {
  it("lists with label and field selectors, across namespaces and in pages", async () => {
    await client().create(CONFIG_MAPS, configMap("list-a", {}, { tier: "front" }));
    await client().create(CONFIG_MAPS, configMap("list-b", {}, { tier: "back" }));
    await client().create(CONFIG_MAPS, { ...configMap("list-c", {}, { tier: "front" }), metadata: { name: "list-c", namespace: "kube-public", labels: { tier: "front" } } });
    const names = (items: KubeObject[]) => items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort();
    const front = await client().list(CONFIG_MAPS, { namespace: NS, labelSelector: "tier=front" });
    expect(names(front.items)).toEqual(["default/list-a"]);
    expect(front.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(names((await client().list(CONFIG_MAPS, { labelSelector: "tier in (front)" })).items)).toEqual(["default/list-a", "kube-public/list-c"]);
    expect(names((await client().list(CONFIG_MAPS, { namespace: NS, fieldSelector: "metadata.name=list-b" })).items)).toEqual(["default/list-b"]);
    const page = await client().list(CONFIG_MAPS, { labelSelector: "tier", limit: 2 });
    expect(page.items).toHaveLength(2);
    const rest = await client().list(CONFIG_MAPS, { labelSelector: "tier", limit: 2, continue: page.metadata.continue });
    expect(names([...page.items, ...rest.items])).toEqual(["default/list-a", "default/list-b", "kube-public/list-c"]);
  });

  it("lists cluster-scoped objects", async () => {
    await client().create(NODES, node("list-node"));
    const list = await client().list(NODES, { fieldSelector: "metadata.name=list-node" });
    expect(list.items.map((n) => n.metadata.name)).toEqual(["list-node"]);
  });
}

function describeWatches(client: () => Client): void {
  it("watches ADDED, MODIFIED and DELETED in order through a label selector", async () => {
    const selector = "watched=yes";
    const list = await client().list(CONFIG_MAPS, { namespace: NS, labelSelector: selector });
    const { lines, watch } = recordEvents(client(), CONFIG_MAPS, { namespace: NS, labelSelector: selector, resourceVersion: list.metadata.resourceVersion ?? "" });
    await client().create(CONFIG_MAPS, configMap("watch-1", {}, { watched: "yes" }));
    await waitFor(() => lines.length === 1, { what: "the first event" });
    await client().create(CONFIG_MAPS, configMap("watch-unselected", {}, { watched: "no" }));
    await client().patch(CONFIG_MAPS, NS, "watch-1", { type: "merge", body: { data: { k: "changed" } } });
    await client().create(CONFIG_MAPS, configMap("watch-2", {}, { watched: "yes" }));
    await client().patch(CONFIG_MAPS, NS, "watch-2", { type: "merge", body: { metadata: { labels: { watched: "no" } } } });
    await client().patch(CONFIG_MAPS, NS, "watch-unselected", { type: "merge", body: { metadata: { labels: { watched: "yes" } } } });
    await client().delete(CONFIG_MAPS, NS, "watch-1");
    await waitFor(() => lines.length >= 6, { what: "six events" });
    watch.stop();
    expect(lines).toEqual(["ADDED watch-1", "MODIFIED watch-1", "ADDED watch-2", "DELETED watch-2", "ADDED watch-unselected", "DELETED watch-1"]);
  });

  it("delivers nothing after stop()", async () => {
    const rv = (await client().list(CONFIG_MAPS, { namespace: NS })).metadata.resourceVersion ?? "";
    const stopped = recordEvents(client(), CONFIG_MAPS, { namespace: NS, fieldSelector: "metadata.name=after-stop", resourceVersion: rv });
    stopped.watch.stop();
    const witness = recordEvents(client(), CONFIG_MAPS, { namespace: NS, fieldSelector: "metadata.name=after-stop", resourceVersion: rv });
    await client().create(CONFIG_MAPS, configMap("after-stop"));
    await waitFor(() => witness.lines.length === 1, { what: "the witness watch's event" });
    witness.watch.stop();
    expect(stopped.lines).toEqual([]);
  });

  it("ends a watch from a compacted resourceVersion as expired", async () => {
    const rv = (await client().list(CONFIG_MAPS, { namespace: NS })).metadata.resourceVersion ?? "";
    for (let i = 0; i < 8; i++) await client().create(CONFIG_MAPS, configMap(`churn-${i}`));
    const { lines, watch } = recordEvents(client(), CONFIG_MAPS, { namespace: NS, resourceVersion: rv });
    await expect(watch.done).resolves.toEqual({ reason: "expired" });
    expect(lines).toEqual([]);
  });
}

function describeSubresources(client: () => Client): void {
  it("updates status through the status subresource only, ignoring spec there and status elsewhere", async () => {
    const created = await client().create(LEADER_WORKER_SETS, lws("status-lws", 2));
    const withStatus = await client().updateStatus(LEADER_WORKER_SETS, { ...clone(created), spec: { ...clone(created.spec), replicas: 7 }, status: { replicas: 2, readyReplicas: 1 } });
    expect(withStatus.spec.replicas).toBe(2);
    expect(withStatus.status).toMatchObject({ replicas: 2, readyReplicas: 1 });
    const updated = await client().update(LEADER_WORKER_SETS, { ...clone(withStatus), spec: { ...clone(withStatus.spec), replicas: 3 }, status: { replicas: 0 } });
    expect(updated.spec.replicas).toBe(3);
    expect(updated.status).toMatchObject({ replicas: 2, readyReplicas: 1 });
    const patched = await client().patchStatus<Lws>(LEADER_WORKER_SETS, NS, "status-lws", { type: "merge", body: { spec: { replicas: 9 }, status: { readyReplicas: 2 } } });
    expect(patched.spec.replicas).toBe(3);
    expect(patched.status).toMatchObject({ replicas: 2, readyReplicas: 2 });
    const cleared = await client().patchStatus<Lws>(LEADER_WORKER_SETS, NS, "status-lws", { type: "merge", body: { status: { readyReplicas: null } } });
    expect(cleared.status).toMatchObject({ replicas: 2 });
    expect(cleared.status).not.toHaveProperty("readyReplicas");
    const specOnly = await client().patchStatus<Lws>(LEADER_WORKER_SETS, NS, "status-lws", { type: "merge", body: { spec: { replicas: 5 } } });
    expect(specOnly.status).toEqual(cleared.status);
  });

  it.each([
    ["a StatefulSet", STATEFUL_SETS, statefulSet("scaled-sts")],
    ["a LeaderWorkerSet", LEADER_WORKER_SETS, lws("scaled-lws")],
  ])("reads and writes the scale of %s", async (_, resource, object) => {
    const name = object.metadata.name ?? "";
    await client().create(resource, object);
    const scale = await client().getScale(resource, NS, name);
    expect(scale).toMatchObject({ apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name, namespace: NS }, spec: { replicas: 1 } });
    const scaled = await client().updateScale(resource, NS, name, 3);
    expect(scaled.spec.replicas).toBe(3);
    expect((await client().get<Lws>(resource, NS, name)).spec.replicas).toBe(3);
  });

  it("binds a pod to a node, once", async () => {
    await client().create(NODES, node("bind-node"));
    await client().create(PODS, pod("bind-pod"));
    await client().bind(NS, "bind-pod", "bind-node");
    const bound = await client().get<Pod>(PODS, NS, "bind-pod");
    expect(bound.spec.nodeName).toBe("bind-node");
    expect(bound.status?.conditions).toContainEqual(expect.objectContaining({ type: "PodScheduled", status: "True" }));
    expect(isConflict(await failure(client().bind(NS, "bind-pod", "bind-node")))).toBe(true);
  });

  it("evicts a pod: an unbound one goes at once, a bound one gets a deletionTimestamp", async () => {
    await client().create(PODS, pod("evict-unbound"));
    await client().evict(NS, "evict-unbound");
    expect(isNotFound(await failure(client().get(PODS, NS, "evict-unbound")))).toBe(true);
    await client().create(NODES, node("evict-node"));
    await client().create(PODS, pod("evict-bound"));
    await client().bind(NS, "evict-bound", "evict-node");
    await client().evict(NS, "evict-bound", { gracePeriodSeconds: 20 });
    const evicted = await client().get(PODS, NS, "evict-bound");
    expect(evicted.metadata).toMatchObject({ deletionGracePeriodSeconds: 20, deletionTimestamp: expect.any(String) });
  });
}

function describeServerSideApply(client: () => Client): void {
  it("creates by apply, refuses another manager's conflicting apply, and forces it", async () => {
    const applied = await client().patch<ConfigMap>(CONFIG_MAPS, NS, "applied", { type: "apply", body: configMap("applied", { owner: "a" }) }, { fieldManager: "manager-a" });
    expect(applied.data).toEqual({ owner: "a" });
    expect(applied.metadata.managedFields).toContainEqual(expect.objectContaining({ manager: "manager-a", operation: "Apply" }));
    const conflict = await failure(client().patch(CONFIG_MAPS, NS, "applied", { type: "apply", body: configMap("applied", { owner: "b" }) }, { fieldManager: "manager-b" }));
    expect(isConflict(conflict)).toBe(true);
    expect(conflict.details?.causes).toContainEqual(expect.objectContaining({ reason: "FieldManagerConflict", field: ".data.owner" }));
    const forced = await client().patch<ConfigMap>(CONFIG_MAPS, NS, "applied", { type: "apply", body: configMap("applied", { owner: "b" }) }, { fieldManager: "manager-b", force: true });
    expect(forced.data).toEqual({ owner: "b" });
  });

  it("refuses server-side apply without a field manager", async () => {
    const err = await failure(client().patch(CONFIG_MAPS, NS, "applied", { type: "apply", body: configMap("applied") }));
    expect(err).toMatchObject({ code: 422, reason: "Invalid", details: { causes: [{ field: "fieldManager" }] } });
  });
}

export function describeLogConformance(name: string, setup: () => Promise<{ client: Client; teardown(): Promise<void> }>): void {
  describe(`Client log conformance: ${name}`, () => {
    let client: Client;
    let teardown = async () => {};
    beforeAll(async () => {
      ({ client, teardown } = await setup());
      await client.create(PODS, pod("logs-one"));
      await client.create(PODS, { ...pod("logs-two"), spec: { containers: [...containers, { name: "sidecar", image: "busybox:1.36" }] } });
      // Every container has started once it has output: the kubelet writes it right after reporting the start.
      for (const [name, container] of [["logs-one", "main"], ["logs-two", "main"], ["logs-two", "sidecar"]]) {
        await waitFor(() => client.logs(NS, name, { container }).then((text) => text.length > 0, () => false), { what: `output of ${name}/${container}` });
      }
    });
    afterAll(() => teardown());

    it("reads a running container's start-up output, all of it or its last lines", async () => {
      const all = await client.logs(NS, "logs-one");
      expect(all.split("\n")[0]).toBe("starting main from image nginx:1.27 in pod default/logs-one");
      expect(all.endsWith("ready to serve requests\n")).toBe(true);
      expect(await client.logs(NS, "logs-one", { tailLines: 1 })).toBe("ready to serve requests\n");
      expect(await client.logs(NS, "logs-two", { container: "sidecar", tailLines: 1 })).toBe("ready to serve requests\n");
      expect(await client.logs(NS, "logs-two", { container: "sidecar" })).toMatch(/^starting sidecar from image busybox:1.36 /);
    });

    it.each([
      ["a pod of two containers without a container name", "logs-two", {}, /a container name must be specified/],
      ["a container the pod does not have", "logs-one", { container: "missing" }, /container missing is not valid/],
      ["the previous run of a container that never restarted", "logs-one", { previous: true }, /previous terminated container "main"/],
    ])("refuses %s as BadRequest", async (_, podName, options, message) => {
      const err = await failure(client.logs(NS, podName, options));
      expect(err).toMatchObject({ code: 400, reason: "BadRequest" });
      expect(err.message).toMatch(message);
    });

    it("gives a pod no node has taken an empty log, as kube-apiserver does", async () => {
      await client.create(PODS, { ...pod("logs-unscheduled"), spec: { containers, nodeSelector: { rack: "no-such-rack" } } });
      expect(await client.logs(NS, "logs-unscheduled")).toBe("");
    });

    it("reports the logs of a missing pod as NotFound", async () => {
      const err = await failure(client.logs(NS, "missing"));
      expect(isNotFound(err)).toBe(true);
    });
  });
}
