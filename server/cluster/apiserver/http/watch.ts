import type { KubeObject, WatchEventType } from "@/lib/k8s/types";
import { resourceKey, type ResourceInfo } from "@/lib/k8s/resources";
import { ExpiredError } from "../../store/store";
import type { StoreEvent } from "../../store/watch-history";
import { badRequest, gone } from "@/lib/k8s/api-errors";
import type { ObjectRegistry } from "../registry/object-registry";
import { toTable } from "../tables/table";
import { tableRequest } from "./list";
import { matchesFilter, parseFilter, visibleType, type ObjectFilter } from "./list-query";

// A watcher this far behind is cut off (it relists), so one slow client cannot grow the heap without bound.
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;
const encoder = new TextEncoder();

interface WatchParams {
  info: ResourceInfo;
  filter: ObjectFilter;
  table?: { includeObject: "None" | "Metadata" | "Object" };
  initial: "none" | "synthetic" | "with-bookmark";
  sinceRV: number;
  timeoutMs?: number;
}

function parseWatchParams(registry: ObjectRegistry, info: ResourceInfo, namespace: string | undefined, query: URLSearchParams, accept: string | null): WatchParams {
  const rvParam = query.get("resourceVersion") ?? "";
  const sendInitial = query.get("sendInitialEvents") === "true";
  if (rvParam !== "" && !/^\d+$/.test(rvParam)) throw badRequest(`resourceVersion: Invalid value: "${rvParam}": must be a non-negative integer`);
  const timeout = query.get("timeoutSeconds");
  return {
    info,
    filter: parseFilter(info, namespace, query),
    table: tableRequest(accept, query),
    initial: sendInitial ? "with-bookmark" : rvParam === "" || rvParam === "0" ? "synthetic" : "none",
    sinceRV: rvParam === "" || sendInitial ? registry.store.resourceVersion : Number(rvParam),
    timeoutMs: timeout && Number(timeout) > 0 ? Number(timeout) * 1000 : undefined,
  };
}

/** GET ...?watch=true: a chunked stream of newline-delimited watch events. */
export function watchResponse(registry: ObjectRegistry, info: ResourceInfo, namespace: string | undefined, query: URLSearchParams, accept: string | null, signal: AbortSignal): Response {
  const params = parseWatchParams(registry, info, namespace, query, accept);
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      stop = startWatch(registry, params, controller, signal);
    },
    cancel() {
      stop();
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }));
  const contentType = params.table ? "application/json;as=Table;v=v1;g=meta.k8s.io" : "application/json";
  return new Response(stream, { status: 200, headers: { "content-type": contentType, "cache-control": "no-cache, private", "x-accel-buffering": "no" } });
}

function startWatch(registry: ObjectRegistry, params: WatchParams, controller: ReadableStreamDefaultController<Uint8Array>, signal: AbortSignal): () => void {
  let closed = false;
  let columnsSent = false;
  const cleanups: Array<() => void> = [];
  const close = () => {
    if (closed) return;
    closed = true;
    for (const cleanup of cleanups) cleanup();
    try {
      controller.close();
    } catch {
      // already closed by the client going away
    }
  };
  const send = (line: string) => {
    if (closed) return;
    controller.enqueue(encoder.encode(line));
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) close();
  };
  const sendObject = (type: WatchEventType, object: KubeObject, json?: string) => {
    if (params.table && type !== "ERROR" && type !== "BOOKMARK") {
      const table = toTable(params.info.kind, [object], { now: Date.now(), includeObject: params.table.includeObject, withColumns: !columnsSent, metadata: { resourceVersion: object.metadata.resourceVersion } });
      columnsSent = true;
      send(`{"type":"${type}","object":${JSON.stringify(table)}}\n`);
      return;
    }
    send(`{"type":"${type}","object":${json ?? JSON.stringify(object)}}\n`);
  };
  // An immediate byte flushes the response headers: clients wait for them before reading events.
  send("\n");
  if (params.initial !== "none") sendInitialState(registry, params, sendObject);
  try {
    const { replay, stop } = registry.store.watch(resourceKey(params.info), params.sinceRV, (event) => deliver(params, event, sendObject));
    cleanups.push(stop);
    for (const event of replay) deliver(params, event, sendObject);
  } catch (err) {
    if (!(err instanceof ExpiredError)) throw err;
    sendObject("ERROR", gone(err.message).toStatus() as unknown as KubeObject);
    close();
    return close;
  }
  if (params.timeoutMs) {
    const timer = setTimeout(close, params.timeoutMs);
    cleanups.push(() => clearTimeout(timer));
  }
  const onAbort = () => close();
  signal.addEventListener("abort", onAbort);
  cleanups.push(() => signal.removeEventListener("abort", onAbort));
  return close;
}

function sendInitialState(registry: ObjectRegistry, params: WatchParams, sendObject: (type: WatchEventType, object: KubeObject, json?: string) => void): void {
  for (const entry of registry.entries(params.info, params.filter.namespace)) {
    if (matchesFilter(params.info, params.filter, entry.object)) sendObject("ADDED", entry.object, entry.json);
  }
  if (params.initial === "with-bookmark") {
    const rv = String(registry.store.resourceVersion);
    sendObject("BOOKMARK", { apiVersion: params.info.group ? `${params.info.group}/${params.info.version}` : params.info.version, kind: params.info.kind, metadata: { resourceVersion: rv, annotations: { "k8s.io/initial-events-end": "true" } } });
  }
}

function deliver(params: WatchParams, event: StoreEvent, sendObject: (type: WatchEventType, object: KubeObject, json?: string) => void): void {
  const type = visibleType(params.info, params.filter, event);
  if (type) sendObject(type, event.object, event.json);
}
