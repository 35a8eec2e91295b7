import * as k8s from "@kubernetes/client-node";
import { PODS, type ResourceInfo } from "@/lib/k8s/resources";
import { isRecord, type KubeList, type KubeObject, type Scale } from "@/lib/k8s/types";
import type { Client, ClientWatchEvent, DeleteOptions, ListOptions, LogOptions, Patch, PatchOptions, Watch, WatchOptions, WriteOptions } from "./client";
import { KubeTransport, type RequestBody } from "./kube-http";
import { listQuery, resourcePath, watchQuery, withQuery, writeQuery, type Subresource } from "./kube-paths";
import { startWatch } from "./kube-watch";
import { checkPatchOptions, PATCH_CONTENT_TYPES } from "./patch-requests";

function json(value: unknown, contentType = "application/json"): RequestBody {
  // JSON is YAML too, so apply patches go as JSON.
  return { contentType, text: JSON.stringify(value) };
}

function objectFrom<T>(value: unknown): T {
  if (!isRecord(value)) throw new Error("the server answered with something other than a JSON object");
  return value as T;
}

function namespaceOf(object: KubeObject): string {
  return object.metadata.namespace ?? "";
}

/** The Client for any Kubernetes API server, speaking its REST protocol with client-node's credentials. */
export class KubeClient implements Client {
  private readonly http: KubeTransport;

  constructor(kc: k8s.KubeConfig) {
    this.http = new KubeTransport(kc);
  }

  /** $KUBECONFIG, else ~/.kube/config, else the in-cluster service account. */
  static fromEnvironment(): KubeClient {
    const kc = new k8s.KubeConfig();
    kc.loadFromDefault();
    return new KubeClient(kc);
  }

  async get<T extends KubeObject>(resource: ResourceInfo, namespace: string, name: string): Promise<T> {
    return objectFrom<T>(await this.http.call("GET", resourcePath(resource, namespace, name)));
  }

  async list<T extends KubeObject>(resource: ResourceInfo, options: ListOptions = {}): Promise<KubeList<T>> {
    const list = objectFrom<KubeList<T>>(await this.http.call("GET", withQuery(resourcePath(resource, options.namespace), listQuery(options))));
    return { ...list, items: list.items ?? [] };
  }

  watch(resource: ResourceInfo, options: WatchOptions, onEvent: (event: ClientWatchEvent) => void): Watch {
    return startWatch(this.http, withQuery(resourcePath(resource, options.namespace), watchQuery(options)), onEvent);
  }

  async create<T extends KubeObject>(resource: ResourceInfo, object: T, options: WriteOptions = {}): Promise<T> {
    const path = withQuery(resourcePath(resource, namespaceOf(object)), writeQuery(options));
    return objectFrom<T>(await this.http.call("POST", path, json(object)));
  }

  update<T extends KubeObject>(resource: ResourceInfo, object: T, options: WriteOptions = {}): Promise<T> {
    return this.put(resource, object, options);
  }

  updateStatus<T extends KubeObject>(resource: ResourceInfo, object: T, options: WriteOptions = {}): Promise<T> {
    return this.put(resource, object, options, "status");
  }

  patch<T extends KubeObject>(resource: ResourceInfo, namespace: string, name: string, patch: Patch, options: PatchOptions = {}): Promise<T> {
    return this.sendPatch(resource, namespace, name, patch, options);
  }

  patchStatus<T extends KubeObject>(resource: ResourceInfo, namespace: string, name: string, patch: Patch, options: PatchOptions = {}): Promise<T> {
    return this.sendPatch(resource, namespace, name, patch, options, "status");
  }

  async delete(resource: ResourceInfo, namespace: string, name: string, options: DeleteOptions = {}): Promise<void> {
    await this.http.call("DELETE", resourcePath(resource, namespace, name), json({ apiVersion: "v1", kind: "DeleteOptions", ...options }));
  }

  async getScale(resource: ResourceInfo, namespace: string, name: string): Promise<Scale> {
    return objectFrom<Scale>(await this.http.call("GET", resourcePath(resource, namespace, name, "scale")));
  }

  async updateScale(resource: ResourceInfo, namespace: string, name: string, replicas: number, options: WriteOptions = {}): Promise<Scale> {
    const scale = { apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name, namespace }, spec: { replicas } };
    const path = withQuery(resourcePath(resource, namespace, name, "scale"), writeQuery(options));
    return objectFrom<Scale>(await this.http.call("PUT", path, json(scale)));
  }

  async bind(namespace: string, name: string, nodeName: string): Promise<void> {
    const binding = { apiVersion: "v1", kind: "Binding", metadata: { name, namespace }, target: { apiVersion: "v1", kind: "Node", name: nodeName } };
    await this.http.call("POST", resourcePath(PODS, namespace, name, "binding"), json(binding));
  }

  async evict(namespace: string, name: string, options: DeleteOptions = {}): Promise<void> {
    const eviction = { apiVersion: "policy/v1", kind: "Eviction", metadata: { name, namespace }, deleteOptions: options };
    await this.http.call("POST", resourcePath(PODS, namespace, name, "eviction"), json(eviction));
  }

  logs(namespace: string, name: string, options: LogOptions = {}): Promise<string> {
    const query = { container: options.container, tailLines: options.tailLines, previous: options.previous || undefined };
    return this.http.callText("GET", withQuery(resourcePath(PODS, namespace, name, "log"), query));
  }

  private async put<T extends KubeObject>(resource: ResourceInfo, object: T, options: WriteOptions, subresource?: Subresource): Promise<T> {
    const path = withQuery(resourcePath(resource, namespaceOf(object), object.metadata.name ?? "", subresource), writeQuery(options));
    return objectFrom<T>(await this.http.call("PUT", path, json(object)));
  }

  private async sendPatch<T extends KubeObject>(resource: ResourceInfo, namespace: string, name: string, patch: Patch, options: PatchOptions, subresource?: Subresource): Promise<T> {
    checkPatchOptions(patch, options);
    const force = patch.type === "apply" && options.force ? true : undefined;
    const path = withQuery(resourcePath(resource, namespace, name, subresource), { ...writeQuery(options), force });
    return objectFrom<T>(await this.http.call("PATCH", path, json(patch.body, PATCH_CONTENT_TYPES[patch.type])));
  }
}
