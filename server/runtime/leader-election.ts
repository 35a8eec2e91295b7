import { isAlreadyExists, isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { LEASES } from "@/lib/k8s/resources";
import { rfc3339Micro } from "@/lib/k8s/time";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "./client";

export interface LeaderElectorOptions {
  /** where the coordination.k8s.io/v1 Lease lives */
  namespace: string;
  name: string;
  /** this candidate's name in spec.holderIdentity; unique per process */
  identity: string;
  /** how long followers wait after the last renewal they saw before taking over (default 15 s) */
  leaseDurationMs?: number;
  /** how long the leader keeps trying to renew before it steps down (default 10 s) */
  renewDeadlineMs?: number;
  /** the pause between attempts to acquire or renew (default 2 s) */
  retryPeriodMs?: number;
  /** stop() clears holderIdentity so a successor need not wait out the lease (client-go's ReleaseOnCancel); default true */
  releaseOnStop?: boolean;
  /** called on becoming leader; not awaited (it usually starts controllers that run until onStoppedLeading) */
  onStartedLeading?: () => void | Promise<void>;
  /** called on losing or giving up the lease; stop() awaits it before releasing the lease */
  onStoppedLeading?: () => void | Promise<void>;
  /** called when the observed holder changes (also to this candidate or to nobody, "") */
  onNewLeader?: (identity: string) => void;
  clock?: () => Date;
}

interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

type Lease = KubeObject & { spec?: LeaseSpec };

/** The outcome of one attempt: this candidate holds the lease, someone else validly does, or the attempt failed. */
type Attempt = "leading" | "held" | "failed";

/**
 * Leader election on a Lease, as client-go's leaderelection does it: candidates acquire and renew the lease
 * with optimistic concurrency (resourceVersion), and followers take over once the holder has not renewed for
 * a lease duration measured on their own clock from when they saw the last change (no cross-host clock
 * comparison). After losing the lease the elector competes again, so level-triggered controllers can restart.
 */
export class LeaderElector {
  private readonly leaseDurationMs: number;
  private readonly renewDeadlineMs: number;
  private readonly retryPeriodMs: number;
  private readonly clock: () => Date;
  private observed = { spec: "", holder: "", at: 0 };
  /** the lease as this candidate last wrote it: the base of its release */
  private written?: Lease;
  private leading = false;
  private stopping?: AbortController;
  private running?: Promise<void>;

  constructor(
    private readonly client: Client,
    private readonly options: LeaderElectorOptions,
  ) {
    this.leaseDurationMs = options.leaseDurationMs ?? 15_000;
    this.renewDeadlineMs = options.renewDeadlineMs ?? 10_000;
    this.retryPeriodMs = options.retryPeriodMs ?? 2_000;
    this.clock = options.clock ?? (() => new Date());
    if (!(this.leaseDurationMs > this.renewDeadlineMs && this.renewDeadlineMs > this.retryPeriodMs && this.retryPeriodMs > 0)) {
      throw new Error("leader election needs leaseDuration > renewDeadline > retryPeriod > 0");
    }
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** Competes for the lease until stop(); resolves once stopped (and the lease released). */
  run(): Promise<void> {
    if (!this.running) {
      const stopping = (this.stopping = new AbortController());
      this.running = this.loop(stopping.signal).finally(() => (this.running = undefined));
    }
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopping?.abort();
    await this.running;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (await this.acquire(signal)) {
      if (!signal.aborted) await this.lead(signal);
      if (signal.aborted && this.options.releaseOnStop !== false) await this.release();
    }
  }

  /** Retries until this candidate holds the lease (true) or is stopped (false). */
  private async acquire(signal: AbortSignal): Promise<boolean> {
    while (!signal.aborted) {
      if ((await this.tryAcquireOrRenew()) === "leading") return true;
      await delay(this.retryPeriodMs, signal);
    }
    return false;
  }

  /** Leads until stopped, someone else holds the lease, or no renewal succeeded within the renew deadline. */
  private async lead(signal: AbortSignal): Promise<void> {
    this.leading = true;
    void invoke(this.options.onStartedLeading, "onStartedLeading");
    let lastRenew = this.clock().getTime();
    for (;;) {
      await delay(this.retryPeriodMs, signal);
      if (signal.aborted) break;
      const result = await this.renewWithin(lastRenew + this.renewDeadlineMs - this.clock().getTime());
      if (result === "leading") lastRenew = this.clock().getTime();
      else if (result === "held" || this.clock().getTime() - lastRenew >= this.renewDeadlineMs) break;
    }
    this.leading = false;
    await invoke(this.options.onStoppedLeading, "onStoppedLeading");
  }

  /** A renewal that has not answered by the deadline counts as failed, as client-go bounds it with a timeout. */
  private async renewWithin(ms: number): Promise<Attempt> {
    const timeout = new AbortController();
    const expired = delay(Math.max(ms, 0), timeout.signal).then((): Attempt => "failed");
    try {
      return await Promise.race([this.tryAcquireOrRenew(), expired]);
    } finally {
      timeout.abort();
    }
  }

  private async tryAcquireOrRenew(): Promise<Attempt> {
    const { namespace, name } = this.options;
    let lease: Lease;
    try {
      lease = await this.client.get<Lease>(LEASES, namespace, name);
    } catch (err) {
      if (!isNotFound(err)) return logFailure(err);
      return this.write(() => this.client.create<Lease>(LEASES, this.claim(undefined)));
    }
    this.observe(lease);
    if (this.heldByAnother(lease)) return "held";
    return this.write(() => this.client.update<Lease>(LEASES, this.claim(lease)));
  }

  private async write(call: () => Promise<Lease>): Promise<Attempt> {
    try {
      this.written = await call();
      this.observe(this.written);
      return "leading";
    } catch (err) {
      // Another candidate wrote first: not an error, just a lost race.
      return isConflict(err) || isAlreadyExists(err) ? "failed" : logFailure(err);
    }
  }

  /** The lease with this candidate as holder: renewed when it already held it, else a new term. */
  private claim(lease: Lease | undefined): Lease {
    const now = rfc3339Micro(this.clock());
    const spec = lease?.spec ?? {};
    const renewing = spec.holderIdentity === this.options.identity;
    return {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: lease ? { ...lease.metadata } : { namespace: this.options.namespace, name: this.options.name },
      spec: {
        holderIdentity: this.options.identity,
        leaseDurationSeconds: Math.ceil(this.leaseDurationMs / 1000),
        acquireTime: renewing ? spec.acquireTime : now,
        renewTime: now,
        leaseTransitions: lease ? (spec.leaseTransitions ?? 0) + (renewing ? 0 : 1) : 0,
      },
    };
  }

  private observe(lease: Lease): void {
    const spec = JSON.stringify(lease.spec ?? {});
    if (spec === this.observed.spec) return;
    const holder = lease.spec?.holderIdentity ?? "";
    const changedHolder = holder !== this.observed.holder;
    this.observed = { spec, holder, at: this.clock().getTime() };
    if (changedHolder) this.options.onNewLeader?.(holder);
  }

  private heldByAnother(lease: Lease): boolean {
    const holder = lease.spec?.holderIdentity ?? "";
    return holder !== "" && holder !== this.options.identity && this.clock().getTime() - this.observed.at < this.leaseDurationMs;
  }

  /** Gives the lease up (holder cleared, 1 s duration) so a successor takes over at its next retry. */
  private async release(): Promise<void> {
    const lease = this.written;
    if (!lease || lease.spec?.holderIdentity !== this.options.identity) return;
    const now = rfc3339Micro(this.clock());
    const spec: LeaseSpec = { holderIdentity: "", leaseDurationSeconds: 1, acquireTime: now, renewTime: now, leaseTransitions: lease.spec.leaseTransitions ?? 0 };
    try {
      this.written = await this.client.update<Lease>(LEASES, { ...lease, metadata: { ...lease.metadata }, spec });
    } catch (err) {
      // A conflict means someone else has written the lease since: it is no longer ours to release.
      if (!isConflict(err)) logFailure(err);
    }
  }
}

function logFailure(err: unknown): "failed" {
  console.error(`[leader-election] ${err instanceof Error ? err.message : String(err)}`);
  return "failed";
}

async function invoke(callback: (() => void | Promise<void>) | undefined, what: string): Promise<void> {
  try {
    await callback?.();
  } catch (err) {
    console.error(`[leader-election] ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}
