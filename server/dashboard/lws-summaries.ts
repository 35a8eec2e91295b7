import { diagnoseLws } from "@/lib/dashboard/diagnosis";
import { summarizeLws } from "@/lib/dashboard/lws-summary";
import { viewKey, type LwsSummaryView, type ProjectedKind, type ViewsByKind } from "@/lib/dashboard/view-models";
import { diagnosisInput, type DiagnosisViews } from "./lws-diagnosis";
import { lwsNamesOf, namespaceOf } from "./view-index";

/** What the summaries need of the stream hub. */
export interface SummaryHost extends DiagnosisViews {
  /** `namespace/name` of every LWS */
  lwsKeys(): Iterable<string>;
  hasLws(key: string): boolean;
  /** a summary changed; undefined: its LWS is gone */
  publishSummary(key: string, summary: LwsSummaryView | undefined): void;
}

export interface SummaryTiming {
  /** how long changes gather before the LWS they concern are summed up again */
  intervalMs: number;
  /** how often every LWS is, whatever changed: verdicts such as a restart loop age with time */
  refreshMs: number;
}

/**
 * The overview's LWS summaries, kept only while some overview is open: a change marks the LWS it
 * concerns, and each marked LWS is diagnosed again once per interval, however many of its pods
 * changed meanwhile. A summary that comes out the same is not sent again.
 */
export class LwsSummaries {
  private readonly dirty = new Set<string>();
  private readonly sent = new Map<string, string>();
  private active = false;
  private timer: NodeJS.Timeout | undefined;
  private refresh: NodeJS.Timeout | undefined;

  constructor(
    private readonly host: SummaryHost,
    private readonly timing: SummaryTiming,
  ) {}

  /** Sums up every LWS now (the first overview's snapshot needs them), then keeps them current. */
  activate(): void {
    if (this.active) return;
    this.active = true;
    this.markAll();
    this.flush();
    this.refresh = setInterval(() => this.markAll(), this.timing.refreshMs);
    this.refresh.unref?.();
  }

  deactivate(): void {
    this.active = false;
    clearTimeout(this.timer);
    clearInterval(this.refresh);
    this.timer = undefined;
    this.dirty.clear();
  }

  /** An object changed (`view`: its view now, or its last one when deleted). */
  changed<K extends ProjectedKind>(kind: K, view: ViewsByKind[K]): void {
    if (!this.active) return;
    if (kind === "node") return this.markAll();
    for (const key of this.concerned(kind, view)) this.mark(key);
  }

  /** The LWSes a view may concern that exist, by the names the hub's index files it under. */
  private concerned<K extends ProjectedKind>(kind: K, view: ViewsByKind[K]): string[] {
    const namespace = namespaceOf(kind, view);
    return lwsNamesOf(kind, view)
      .map((name) => viewKey(namespace, name))
      .filter((key) => this.host.hasLws(key));
  }

  private markAll(): void {
    for (const key of this.host.lwsKeys()) this.mark(key);
    for (const key of this.sent.keys()) this.mark(key);
  }

  private mark(key: string): void {
    this.dirty.add(key);
    this.timer ??= setTimeout(() => this.flush(), this.timing.intervalMs);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const key of this.dirty) {
      try {
        this.sumUp(key);
      } catch (err) {
        // One LWS the diagnosis cannot read must not cost the others their summaries, nor the process.
        console.error(`[summaries] ${key}:`, err);
      }
    }
    this.dirty.clear();
  }

  private sumUp(key: string): void {
    const slash = key.indexOf("/");
    const input = diagnosisInput(this.host, key.slice(0, slash), key.slice(slash + 1));
    const summary = input && summarizeLws(input.lws, input.pods, diagnoseLws(input));
    const text = summary && JSON.stringify(summary);
    if (text === this.sent.get(key)) return;
    if (text) this.sent.set(key, text);
    else this.sent.delete(key);
    this.host.publishSummary(key, summary);
  }
}
