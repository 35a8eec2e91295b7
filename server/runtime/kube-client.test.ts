import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/k8s/api-errors";
import { CONFIG_MAPS, LEADER_WORKER_SETS, NAMESPACES, NODES, STATEFUL_SETS } from "@/lib/k8s/resources";
import { startTestServer, type TestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";
import type { Client, ClientWatchEvent } from "./client";
import { KubeClient } from "./kube-client";

function kubeConfigFor(server: string, token: string): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "c", server, skipTLSVerify: false }],
    users: [{ name: "u", token }],
    contexts: [{ name: "ctx", cluster: "c", user: "u" }],
    currentContext: "ctx",
  });
  return kc;
}

describe("KubeClient against the embedded API", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("speaks plain HTTP with a bearer token", async () => {
    const client = new KubeClient(kubeConfigFor(server.url, server.token));
    expect((await client.get(NAMESPACES, "", "default")).metadata.name).toBe("default");
  });

  it("loads $KUBECONFIG in fromEnvironment()", async () => {
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = server.kubeconfig;
    try {
      const list = await KubeClient.fromEnvironment().list(NAMESPACES);
      expect(list.items.map((n) => n.metadata.name)).toContain("kube-system");
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
    }
  });

  it("reports a wrong token as Unauthorized", async () => {
    const err = await new KubeClient(kubeConfigFor(server.url, "wrong")).get(NAMESPACES, "", "default").catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 401, reason: "Unauthorized" });
  });
});

interface Recorded {
  method: string;
  url: string;
  contentType?: string;
  body: string;
}

/** A fake API server: records each request and answers with `respond`. */
describe("KubeClient on the wire", () => {
  const requests: Recorded[] = [];
  let respond: (req: http.IncomingMessage, res: http.ServerResponse) => void = () => {};
  let fake: http.Server;
  let client: Client;

  beforeAll(async () => {
    fake = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        requests.push({ method: req.method ?? "", url: req.url ?? "", contentType: req.headers["content-type"], body: Buffer.concat(chunks).toString() });
        respond(req, res);
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    client = new KubeClient(kubeConfigFor(`http://127.0.0.1:${(fake.address() as AddressInfo).port}/prefix/`, "t"));
  });
  afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

  const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", namespace: "ns" } };
  const answerJson = (body: unknown, status = 200) => (_: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  it.each<[string, (c: Client) => Promise<unknown>, string, string, string | undefined]>([
    ["get", (c) => c.get(CONFIG_MAPS, "ns", "cm"), "GET", "/prefix/api/v1/namespaces/ns/configmaps/cm", undefined],
    ["get cluster-scoped", (c) => c.get(NODES, "ignored", "n1"), "GET", "/prefix/api/v1/nodes/n1", undefined],
    ["list all namespaces", (c) => c.list(STATEFUL_SETS, { labelSelector: "a=b", limit: 5 }), "GET", "/prefix/apis/apps/v1/statefulsets?labelSelector=a%3Db&limit=5", undefined],
    ["create dry-run", (c) => c.create(CONFIG_MAPS, cm, { fieldManager: "me", dryRun: true }), "POST", "/prefix/api/v1/namespaces/ns/configmaps?fieldManager=me&dryRun=All", "application/json"],
    ["update", (c) => c.update(CONFIG_MAPS, cm), "PUT", "/prefix/api/v1/namespaces/ns/configmaps/cm", "application/json"],
    ["updateStatus", (c) => c.updateStatus(LEADER_WORKER_SETS, { ...cm, apiVersion: "leaderworkerset.x-k8s.io/v1" }), "PUT", "/prefix/apis/leaderworkerset.x-k8s.io/v1/namespaces/ns/leaderworkersets/cm/status", "application/json"],
    ["merge patch", (c) => c.patch(CONFIG_MAPS, "ns", "cm", { type: "merge", body: {} }), "PATCH", "/prefix/api/v1/namespaces/ns/configmaps/cm", "application/merge-patch+json"],
    ["json patch", (c) => c.patch(CONFIG_MAPS, "ns", "cm", { type: "json", body: [] }), "PATCH", "/prefix/api/v1/namespaces/ns/configmaps/cm", "application/json-patch+json"],
    ["strategic status patch", (c) => c.patchStatus(STATEFUL_SETS, "ns", "s", { type: "strategic", body: {} }), "PATCH", "/prefix/apis/apps/v1/namespaces/ns/statefulsets/s/status", "application/strategic-merge-patch+json"],
    ["forced apply", (c) => c.patch(CONFIG_MAPS, "ns", "cm", { type: "apply", body: cm }, { fieldManager: "me", force: true }), "PATCH", "/prefix/api/v1/namespaces/ns/configmaps/cm?fieldManager=me&force=true", "application/apply-patch+yaml"],
    ["delete", (c) => c.delete(CONFIG_MAPS, "ns", "cm", { propagationPolicy: "Foreground" }), "DELETE", "/prefix/api/v1/namespaces/ns/configmaps/cm", "application/json"],
    ["getScale", (c) => c.getScale(STATEFUL_SETS, "ns", "s"), "GET", "/prefix/apis/apps/v1/namespaces/ns/statefulsets/s/scale", undefined],
    ["updateScale", (c) => c.updateScale(STATEFUL_SETS, "ns", "s", 2), "PUT", "/prefix/apis/apps/v1/namespaces/ns/statefulsets/s/scale", "application/json"],
    ["bind", (c) => c.bind("ns", "p", "n1"), "POST", "/prefix/api/v1/namespaces/ns/pods/p/binding", "application/json"],
    ["evict", (c) => c.evict("ns", "p"), "POST", "/prefix/api/v1/namespaces/ns/pods/p/eviction", "application/json"],
  ])("sends %s as the API expects", async (_, call, method, url, contentType) => {
    respond = answerJson({ ...cm, items: [] });
    requests.length = 0;
    await call(client);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method, url, contentType });
  });

  it("sends the bodies of delete, bind and evict as their API kinds", async () => {
    respond = answerJson({ kind: "Status", status: "Success" });
    requests.length = 0;
    await client.delete(CONFIG_MAPS, "ns", "cm", { preconditions: { resourceVersion: "7" } });
    await client.bind("ns", "p", "n1");
    await client.evict("ns", "p", { gracePeriodSeconds: 0 });
    expect(requests.map((r) => JSON.parse(r.body))).toEqual([
      { apiVersion: "v1", kind: "DeleteOptions", preconditions: { resourceVersion: "7" } },
      { apiVersion: "v1", kind: "Binding", metadata: { name: "p", namespace: "ns" }, target: { apiVersion: "v1", kind: "Node", name: "n1" } },
      { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: "p", namespace: "ns" }, deleteOptions: { gracePeriodSeconds: 0 } },
    ]);
  });

  it.each([
    ["a Status body", 409, { kind: "Status", code: 409, reason: "AlreadyExists", message: "exists", details: { name: "cm" } }, { code: 409, reason: "AlreadyExists", message: "exists", details: { name: "cm" } }],
    ["a bare body", 404, "404 page not found", { code: 404, reason: "NotFound", message: "the server responded with 404: 404 page not found" }],
    ["an unknown status", 502, "", { code: 502, reason: "Unknown" }],
  ])("maps an error response with %s to ApiError", async (_, status, body, expected) => {
    respond = (__, res) => {
      res.writeHead(status);
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    const err = await client.get(CONFIG_MAPS, "ns", "cm").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject(expected);
  });

  /** Answers a watch with these raw chunks, then ends the response. */
  const streamChunks = (chunks: string[], status = 200) => (_: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(status, { "content-type": "application/json" });
    for (const chunk of chunks) res.write(chunk);
    res.end();
  };
  const event = (type: string, name: string, rv: string) => JSON.stringify({ type, object: { apiVersion: "v1", kind: "ConfigMap", metadata: { name, resourceVersion: rv } } }) + "\n";

  it("delivers newline-delimited events in order, split anywhere, and ends as closed", async () => {
    const text = "\n" + event("ADDED", "a", "2") + event("MODIFIED", "a", "3") + event("BOOKMARK", "", "4") + event("DELETED", "a", "5");
    respond = streamChunks([text.slice(0, 30), text.slice(30, 31), text.slice(31, 100), text.slice(100)]);
    requests.length = 0;
    const seen: ClientWatchEvent[] = [];
    const watch = client.watch(CONFIG_MAPS, { namespace: "ns", labelSelector: "x", resourceVersion: "1" }, (e) => seen.push(e));
    expect(await watch.done).toEqual({ reason: "closed" });
    expect(requests[0].url).toBe("/prefix/api/v1/namespaces/ns/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion=1&labelSelector=x");
    expect(seen.map((e) => (e.type === "BOOKMARK" ? `BOOKMARK ${e.resourceVersion}` : `${e.type} ${e.object.metadata.resourceVersion}`))).toEqual(["ADDED 2", "MODIFIED 3", "BOOKMARK 4", "DELETED 5"]);
  });

  const status = (code: number, reason: string) => JSON.stringify({ type: "ERROR", object: { kind: "Status", code, reason, message: reason } }) + "\n";

  it.each([
    ["an ERROR event with 410", streamChunks([event("ADDED", "a", "2"), status(410, "Expired"), event("ADDED", "b", "3")]), { reason: "expired" }, 1],
    ["an HTTP 410", streamChunks([JSON.stringify({ kind: "Status", code: 410, reason: "Expired" })], 410), { reason: "expired" }, 0],
    ["an ERROR event with 500", streamChunks([status(500, "InternalError")]), { reason: "error", error: expect.objectContaining({ code: 500, reason: "InternalError" }) }, 0],
    ["an HTTP 403", streamChunks([JSON.stringify({ kind: "Status", code: 403, reason: "Forbidden", message: "no" })], 403), { reason: "error", error: expect.objectContaining({ code: 403, reason: "Forbidden" }) }, 0],
    ["a malformed line", streamChunks(["{not json\n"]), { reason: "error", error: expect.any(Error) }, 0],
  ])("ends a watch on %s", async (_, answer, end, events) => {
    respond = answer;
    const seen: ClientWatchEvent[] = [];
    const watch = client.watch(CONFIG_MAPS, { resourceVersion: "1" }, (e) => seen.push(e));
    expect(await watch.done).toEqual(end);
    expect(seen).toHaveLength(events);
  });

  it("stops a watch without reporting it as ended", async () => {
    let closed: () => void = () => {};
    const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
    respond = (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(event("ADDED", "a", "2"));
      res.on("close", closed);
    };
    const seen: ClientWatchEvent[] = [];
    const watch = client.watch(CONFIG_MAPS, { resourceVersion: "1" }, (e) => seen.push(e));
    await waitFor(() => seen.length === 1);
    watch.stop();
    await serverSawClose;
    // The aborted request settles within a few turns of the event loop; `done` must stay pending past them.
    const outcome = await Promise.race([watch.done, new Promise((resolve) => setTimeout(() => resolve("pending"), 20))]);
    expect(outcome).toBe("pending");
  });
});
