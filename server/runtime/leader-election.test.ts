import * as k8s from "@kubernetes/client-node";
import { afterEach, describe, expect, it } from "vitest";
import { LEASES } from "@/lib/k8s/resources";
import { rfc3339Micro } from "@/lib/k8s/time";
import type { KubeObject } from "@/lib/k8s/types";
import { EmbeddedClient } from "@/server/cluster/embedded-client";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { startTestServer } from "@/server/testing/test-server";
import { waitFor } from "@/server/testing/wait-for";
import type { Client } from "./client";
import { KubeClient } from "./kube-client";
import { LeaderElector, type LeaderElectorOptions } from "./leader-election";

const TIMING = { leaseDurationMs: 400, renewDeadlineMs: 250, retryPeriodMs: 20 };
const LEASE = { namespace: "kube-system", name: "lws-console" };
const MICRO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

type Lease = KubeObject & { spec: { holderIdentity?: string; leaseDurationSeconds?: number; acquireTime?: string; renewTime?: string; leaseTransitions?: number } };

/** Two candidates' worth of clients on one cluster: `clientFor` gives each its own (one per "process" over HTTP). */
interface Cluster {
  clientFor(identity: string): Client;
  close(): Promise<void>;
}

async function embeddedCluster(): Promise<Cluster> {
  const cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  await cluster.start();
  const client = new EmbeddedClient(cluster.registry);
  return { clientFor: () => client, close: async () => cluster.close() };
}

async function servedCluster(): Promise<Cluster> {
  const server = await startTestServer();
  const clientFor = () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(server.kubeconfig);
    return new KubeClient(kc);
  };
  return { clientFor, close: () => server.close() };
}

describe.each([
  ["EmbeddedClient on one in-process cluster", embeddedCluster],
  ["two KubeClients against one served cluster", servedCluster],
])("LeaderElector with %s", (_, makeCluster) => {
  let cluster: Cluster;
  const electors: LeaderElector[] = [];
  /** "<identity> started|stopped" in the order the callbacks ran */
  const log: string[] = [];
  const leaders = new Set<string>();
  let mostLeaders = 0;

  afterEach(async () => {
    await Promise.all(electors.splice(0).map((e) => e.stop()));
    log.length = 0;
    leaders.clear();
    mostLeaders = 0;
    await cluster.close();
  });

  async function start(...identities: string[]): Promise<LeaderElector[]> {
    cluster = await makeCluster();
    return identities.map((identity) => elector(identity));
  }

  function elector(identity: string, options: Partial<LeaderElectorOptions> = {}): LeaderElector {
    const e = new LeaderElector(cluster.clientFor(identity), {
      ...LEASE,
      ...TIMING,
      identity,
      onStartedLeading: () => {
        log.push(`${identity} started`);
        leaders.add(identity);
        mostLeaders = Math.max(mostLeaders, leaders.size);
      },
      onStoppedLeading: () => {
        log.push(`${identity} stopped`);
        leaders.delete(identity);
      },
      ...options,
    });
    electors.push(e);
    void e.run();
    return e;
  }

  const lease = () => cluster.clientFor("observer").get<Lease>(LEASES, LEASE.namespace, LEASE.name);
  const leader = (candidates: LeaderElector[]) => waitFor(() => candidates.find((e) => e.isLeader), { what: "a leader" });

  it("elects exactly one leader, which keeps renewing past a lease duration", async () => {
    const candidates = await start("a", "b");
    const first = await leader(candidates);
    const renewed = await waitFor(async () => {
      const l = await lease();
      return Date.parse(l.spec.renewTime ?? "") - Date.parse(l.spec.acquireTime ?? "") > TIMING.leaseDurationMs * 1.5 && l;
    }, { what: "renewals over a lease duration and a half" });
    expect(candidates.filter((e) => e.isLeader)).toEqual([first]);
    expect(mostLeaders).toBe(1);
    expect(log).toHaveLength(1);
    expect(renewed.spec).toMatchObject({ holderIdentity: log[0].split(" ")[0], leaseDurationSeconds: 1, leaseTransitions: 0 });
    expect(renewed.spec.acquireTime).toMatch(MICRO_TIME);
    expect(renewed.spec.renewTime).toMatch(MICRO_TIME);
  });

  it("hands over at once when the leader stops and releases the lease", async () => {
    const candidates = await start("a", "b");
    const first = await leader(candidates);
    const firstName = first === candidates[0] ? "a" : "b";
    await first.stop();
    const releasedAt = Date.now();
    expect((await lease()).spec.holderIdentity).not.toBe(firstName);
    const second = await leader(candidates);
    expect(Date.now() - releasedAt).toBeLessThan(TIMING.leaseDurationMs);
    expect(second).not.toBe(first);
    const taken = await lease();
    expect(taken.spec).toMatchObject({ holderIdentity: firstName === "a" ? "b" : "a", leaseTransitions: 1, leaseDurationSeconds: 1 });
    expect(log).toEqual([`${firstName} started`, `${firstName} stopped`, `${taken.spec.holderIdentity} started`]);
    expect(mostLeaders).toBe(1);
  });

  it("takes over from a leader that stopped renewing only after the lease expires", async () => {
    cluster = await makeCluster();
    const crashing = elector("crashing", { releaseOnStop: false });
    await leader([crashing]);
    const standby = elector("standby");
    const acquired = Date.parse((await lease()).spec.acquireTime ?? "");
    await crashing.stop();
    const stoppedAt = Date.now();
    await leader([standby]);
    // The standby first saw the lease at least a retry period before the crash, and waits a lease duration from its last change.
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(TIMING.leaseDurationMs - 2 * TIMING.retryPeriodMs);
    const taken = await lease();
    expect(taken.spec).toMatchObject({ holderIdentity: "standby", leaseTransitions: 1 });
    expect(Date.parse(taken.spec.acquireTime ?? "")).toBeGreaterThan(acquired);
  });

  it("steps down when another holder shows up in the lease, and competes again", async () => {
    const [only] = await start("only");
    await leader([only]);
    // A merge patch carries no resourceVersion, so it lands whatever the leader is doing; the leader's next renewal then conflicts.
    await cluster.clientFor("intruder").patch(LEASES, LEASE.namespace, LEASE.name, { type: "merge", body: { spec: { holderIdentity: "intruder", renewTime: rfc3339Micro(new Date()) } } });
    await waitFor(() => log.includes("only stopped"), { what: "the leader to step down" });
    expect(only.isLeader).toBe(false);
    await waitFor(() => only.isLeader, { what: "leadership to return after the intruder's lease expires" });
    expect((await lease()).spec).toMatchObject({ holderIdentity: "only", leaseTransitions: 1 });
    expect(log).toEqual(["only started", "only stopped", "only started"]);
  });
});

describe("LeaderElector options", () => {
  it.each([
    { leaseDurationMs: 100, renewDeadlineMs: 100, retryPeriodMs: 10 },
    { leaseDurationMs: 100, renewDeadlineMs: 50, retryPeriodMs: 50 },
    { leaseDurationMs: 100, renewDeadlineMs: 50, retryPeriodMs: 0 },
  ])("refuses timings that are not leaseDuration > renewDeadline > retryPeriod > 0: %o", (timing) => {
    const client = {} as Client;
    expect(() => new LeaderElector(client, { ...LEASE, identity: "x", ...timing })).toThrow(/leaseDuration > renewDeadline/);
  });
});
