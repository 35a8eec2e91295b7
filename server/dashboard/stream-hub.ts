import { eventWindow } from "@/lib/dashboard/event-window";
import { NO_USAGE } from "@/lib/dashboard/node-usage";
import { matchesFilter, type StreamFilter } from "@/lib/dashboard/stream-filter";
import { PROJECTED_KINDS, VIEW_KINDS, type LwsSummaryView, type NodeView, type ProjectedKind, type Snapshot, type ViewChange, type ViewKind, type ViewsByKind } from "@/lib/dashboard/view-models";
import type { KubeObject } from "@/lib/k8s/types";
import type { InformerFactory } from "@/server/runtime/informer-factory";
import { ChangeLog, type LoggedChange } from "./change-log";
import { LwsSummaries } from "./lws-summaries";
import { REQUESTED, TONES } from "./node-tallies";
import { NodeTally } from "./node-tally";
import { PROJECTIONS, projectionKey, type ProjectionContext } from "./projections";
import { sseFrame, SSE_HEARTBEAT } from "./sse";
import { StreamSubscriber, type StreamSink } from "./stream-subscriber";
import { ViewIndex } from "./view-index";

export interface StreamHubOptions {
  /** how often a subscriber's coalesced changes are flushed */
  flushMs?: number;
  heartbeatMs?: number;
  /** changes kept for Last-Event-ID resumption */
  historySize?: number;
  /** how long changes gather before the overview's summaries of the LWS they concern are made again */
  summaryMs?: number;
}

export interface Subscription {
  /** the client read what was written; send what waited */
  resume(): void;
  close(): void;
}

type Views = { [K in ViewKind]: Map<string, ViewsByKind[K]> };

/**
 * The dashboard's live feed: one informer per resource (shared with every controller of the
 * process) feeds every browser tab. It keeps the current views for snapshots and a log of recent
 * changes for resumption; each tab gets its own coalescing subscriber.
 */
export class StreamHub {
  private readonly views = Object.fromEntries(VIEW_KINDS.map((k) => [k, new Map()])) as Views;
  private readonly log: ChangeLog;
  private readonly subscribers = new Map<StreamSubscriber, StreamFilter>();
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly sinks = new Set<StreamSink>();
  private readonly usage = new NodeTally(REQUESTED);
  private readonly podCounts = new NodeTally(TONES);
  private readonly projection: ProjectionContext = { requested: (node) => this.usage.total(node) ?? NO_USAGE };
  private readonly index = new ViewIndex();
  private readonly summaries: LwsSummaries;

  constructor(
    private readonly informers: InformerFactory,
    private readonly options: StreamHubOptions = {},
  ) {
    this.log = new ChangeLog(options.historySize ?? 20_000);
    const host = {
      snapshot: (filter: StreamFilter) => this.snapshot(filter),
      lwsKeys: () => this.views.lws.keys(),
      hasLws: (key: string) => this.views.lws.has(key),
      publishSummary: (key: string, summary: LwsSummaryView | undefined) => this.putComputed("summary", key, summary, this.log.lastId() ?? "0"),
    };
    this.summaries = new LwsSummaries(host, { intervalMs: options.summaryMs ?? 250, refreshMs: 60_000 });
  }

  async start(): Promise<void> {
    for (const kind of PROJECTED_KINDS) {
      const { resource, project } = PROJECTIONS[kind];
      this.informers.informer(resource).addHandler({
        add: (o) => this.upsert(kind, o, project),
        update: (_, o) => this.upsert(kind, o, project),
        delete: (o) => this.remove(kind, o),
      });
    }
    await Promise.all(PROJECTED_KINDS.map((kind) => this.informers.informer(PROJECTIONS[kind].resource).start()));
    this.heartbeat = setInterval(() => {
      for (const sink of this.sinks) sink.write(SSE_HEARTBEAT);
    }, this.options.heartbeatMs ?? 15_000);
    this.heartbeat.unref?.();
  }

  stop(): void {
    clearInterval(this.heartbeat);
    this.summaries.deactivate();
    for (const subscriber of this.subscribers.keys()) subscriber.close();
    this.subscribers.clear();
  }

  /** The current views matching a filter, as a snapshot message body; one LWS's from the index. */
  snapshot(filter: StreamFilter): Snapshot {
    const { namespace, lws } = filter;
    const pick = <K extends ViewKind>(kind: K): Array<ViewsByKind[K]> => {
      if (namespace && lws && kind !== "node" && kind !== "summary" && kind !== "nodePods") return this.index.select(kind as Exclude<ProjectedKind, "node">, { ...filter, namespace, lws }) as Array<ViewsByKind[K]>;
      return [...this.views[kind].values()].filter((v) => matchesFilter(filter, kind, v));
    };
    return { resourceVersion: this.log.lastId() ?? "0", lws: pick("lws"), pod: pick("pod"), statefulset: pick("statefulset"), node: pick("node"), event: pick("event"), pvc: pick("pvc"), summary: pick("summary"), nodePods: pick("nodePods") };
  }

  /**
   * Starts a stream for one client: the changes since `lastEventId` when they are still known,
   * else a snapshot; then coalesced deltas.
   */
  subscribe(filter: StreamFilter, lastEventId: string | undefined, sink: StreamSink): Subscription {
    const subscriber = new StreamSubscriber(sink, this.options.flushMs ?? 50);
    if (filter.overview) this.summaries.activate();
    const missed = lastEventId ? this.log.after(lastEventId) : undefined;
    if (missed) {
      for (const entry of missed) if (this.relevant(filter, entry)) subscriber.enqueue(entry);
    } else {
      const snapshot = this.snapshot(filter);
      sink.write(sseFrame("snapshot", snapshot.resourceVersion, { ...snapshot, event: eventWindow(snapshot.event) }));
    }
    this.subscribers.set(subscriber, filter);
    this.sinks.add(sink);
    return {
      resume: () => subscriber.resume(),
      close: () => {
        subscriber.close();
        this.subscribers.delete(subscriber);
        this.sinks.delete(sink);
        if (![...this.subscribers.values()].some((f) => f.overview)) this.summaries.deactivate();
      },
    };
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  private relevant(filter: StreamFilter, entry: LoggedChange): boolean {
    const view = entry.change.type === "upsert" ? entry.change.object : entry.previous;
    return view !== undefined && matchesFilter(filter, entry.change.kind, view as never);
  }

  private upsert<K extends ProjectedKind>(kind: K, object: KubeObject, project: (o: KubeObject, context: ProjectionContext) => ViewsByKind[K]): void {
    const view = project(object, this.projection);
    const key = projectionKey(object);
    const id = object.metadata.resourceVersion ?? "0";
    const views = this.views[kind] as Map<string, ViewsByKind[K]>;
    const previous = views.get(key);
    views.set(key, view);
    this.reindex(kind, key, previous, view);
    this.publish({ id, change: { kind, type: "upsert", key, object: view } as ViewChange });
    if (kind === "pod") this.recount(key, view as ViewsByKind["pod"], id);
    // Nodes report in often; only a change the views show can change a summary.
    if (kind !== "node" || !sameApartFromVersion(previous as NodeView | undefined, view as NodeView)) this.summaries.changed(kind, view);
  }

  private remove<K extends ProjectedKind>(kind: K, object: KubeObject): void {
    const key = projectionKey(object);
    const id = object.metadata.resourceVersion ?? "0";
    const previous = this.views[kind].get(key) as ViewsByKind[K] | undefined;
    this.views[kind].delete(key);
    this.reindex(kind, key, previous, undefined);
    this.publish({ id, change: { kind, type: "delete", key } as ViewChange, previous });
    if (kind === "pod") this.recount(key, undefined, id);
    if (previous) this.summaries.changed(kind, previous);
  }

  private reindex<K extends ProjectedKind>(kind: K, key: string, previous: ViewsByKind[K] | undefined, view: ViewsByKind[K] | undefined): void {
    if (previous) this.index.remove(kind, key, previous);
    if (view) this.index.add(kind, key, view);
  }

  /** A view the hub computes from many objects changed (undefined: it is gone): keep it and send it. */
  private putComputed<K extends "summary" | "nodePods">(kind: K, key: string, view: ViewsByKind[K] | undefined, id: string): void {
    const views = this.views[kind] as Map<string, ViewsByKind[K]>;
    const previous = views.get(key);
    if (view) {
      views.set(key, view);
      this.publish({ id, change: { kind, type: "upsert", key, object: view } as ViewChange });
    } else if (previous) {
      views.delete(key);
      this.publish({ id, change: { kind, type: "delete", key } as ViewChange, previous });
    }
  }

  /** A pod came, went, moved or changed state: the nodes whose totals or counts that changed are changes too. */
  private recount(podKey: string, pod: ViewsByKind["pod"] | undefined, id: string): void {
    this.recountUsage(podKey, pod, id);
    this.recountTones(podKey, pod, id);
  }

  private recountUsage(podKey: string, pod: ViewsByKind["pod"] | undefined, id: string): void {
    for (const name of this.usage.update(podKey, pod)) {
      const key = `/${name}`;
      const node = this.views.node.get(key);
      if (!node) continue;
      const view = { ...node, requested: this.projection.requested(name) };
      this.views.node.set(key, view);
      this.publish({ id, change: { kind: "node", type: "upsert", key, object: view } });
    }
  }

  private recountTones(podKey: string, pod: ViewsByKind["pod"] | undefined, id: string): void {
    for (const name of this.podCounts.update(podKey, pod)) {
      const counts = this.podCounts.total(name);
      this.putComputed("nodePods", `/${name}`, counts && { name, counts }, id);
    }
  }

  private publish(entry: LoggedChange): void {
    this.log.append(entry);
    for (const [subscriber, filter] of this.subscribers) if (this.relevant(filter, entry)) subscriber.enqueue(entry);
  }
}

function sameApartFromVersion(a: NodeView | undefined, b: NodeView): boolean {
  return a !== undefined && JSON.stringify({ ...a, resourceVersion: "" }) === JSON.stringify({ ...b, resourceVersion: "" });
}
