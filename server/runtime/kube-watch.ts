import type { IncomingMessage } from "node:http";
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import type { ClientWatchEvent, Watch, WatchEnd } from "./client";
import { apiErrorFrom, readText, type KubeTransport } from "./kube-http";

const EXPIRED = 410;

/**
 * GETs a `?watch=true` path and hands its newline-delimited events to `onEvent` in order. An ERROR
 * event or HTTP status of 410 ends it as "expired" (relist); a clean end of the stream as "closed".
 */
export function startWatch(transport: KubeTransport, path: string, onEvent: (event: ClientWatchEvent) => void): Watch {
  const abort = new AbortController();
  const deliver = (event: ClientWatchEvent) => {
    if (!abort.signal.aborted) onEvent(event);
  };
  const follow = transport
    .send("GET", path, undefined, abort.signal)
    .then((response) => readEvents(response, deliver))
    .catch((err: unknown): WatchEnd => ({ reason: "error", error: err instanceof Error ? err : new Error(String(err)) }));
  // After stop() the watch ends as the caller wanted it to: `done` then never reports.
  const done = follow.then((end) => (abort.signal.aborted ? new Promise<WatchEnd>(() => {}) : end));
  return { done, stop: () => abort.abort() };
}

async function readEvents(response: IncomingMessage, deliver: (event: ClientWatchEvent) => void): Promise<WatchEnd> {
  const code = response.statusCode ?? 0;
  if (code !== 200) {
    const body = await readText(response);
    return code === EXPIRED ? { reason: "expired" } : { reason: "error", error: apiErrorFrom(code, body) };
  }
  response.setEncoding("utf8");
  let buffered = "";
  for await (const chunk of response) {
    const lines = (buffered + String(chunk)).split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      const end = line.trim() ? handleLine(line, deliver) : undefined;
      if (end) return end;
    }
  }
  return (buffered.trim() ? handleLine(buffered, deliver) : undefined) ?? { reason: "closed" };
}

/** Delivers one event; returns how the watch ends when the line ends it. */
function handleLine(line: string, deliver: (event: ClientWatchEvent) => void): WatchEnd | undefined {
  const event = parseEvent(line);
  if (!event) return { reason: "error", error: new Error(`malformed watch event: ${line.slice(0, 200)}`) };
  const object = event.object;
  switch (event.type) {
    case "ERROR":
      return object.code === EXPIRED ? { reason: "expired" } : { reason: "error", error: apiErrorFrom(500, object) };
    case "BOOKMARK": {
      const metadata = isRecord(object.metadata) ? object.metadata : {};
      deliver({ type: "BOOKMARK", resourceVersion: typeof metadata.resourceVersion === "string" ? metadata.resourceVersion : "" });
      return undefined;
    }
    case "ADDED":
    case "MODIFIED":
    case "DELETED":
      deliver({ type: event.type, object: object as KubeObject });
      return undefined;
    default:
      return { reason: "error", error: new Error(`unknown watch event type ${event.type}`) };
  }
}

function parseEvent(line: string): { type: string; object: Record<string, unknown> } | undefined {
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch {
    return undefined;
  }
  return isRecord(event) && isRecord(event.object) && typeof event.type === "string" ? { type: event.type, object: event.object } : undefined;
}
