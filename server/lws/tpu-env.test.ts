import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, LABELS } from "@/lib/lws/constants";
import { mutateLeaderWorkerSetPod } from "./pod-mutation";
import { addTpuVariables, podRequestsTpus } from "./tpu-env";

const TPU_LIMITS = { resources: { limits: { "google.com/tpu": "4" } } };
const LEADER = "test-sample-1";

interface PodOptions {
  name: string;
  size: number;
  containers?: Array<Record<string, unknown>>;
  annotations?: Record<string, string>;
}

/** A pod as the leader or worker StatefulSet creates it, before the webhook; subdomain "default" as upstream's tests. */
function pod({ name, size, containers = [{ name: "tpu", ...TPU_LIMITS }], annotations = {} }: PodOptions): KubeObject {
  const isLeader = name === LEADER;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      labels: { [LABELS.name]: "test-sample", [LABELS.groupIndex]: "1", ...(isLeader ? { [LABELS.workerIndex]: "0" } : {}) },
      annotations: { [ANNOTATIONS.size]: String(size), ...(isLeader ? {} : { [ANNOTATIONS.leaderName]: LEADER }), ...annotations },
    },
    spec: { subdomain: "default", containers },
  };
}

type Env = Record<string, string>;

/** The TPU env of each TPU container after admission, by name. */
function tpuEnv(admitted: KubeObject): Env[] {
  const spec = admitted.spec as { containers: Array<{ env: Array<{ name: string; value: string }> }> };
  return spec.containers.map((c) => Object.fromEntries(c.env.filter((e) => e.name.startsWith("TPU_")).map((e) => [e.name, e.value])));
}

const hosts = (...names: string[]) => names.map((n) => `${n}.default`).join(",");
const addresses = (port: number, ...names: string[]) => names.map((n) => `${n}.default:${port}`).join(",");
const LEADS_TPUS = { [ANNOTATIONS.leaderRequestsTpus]: "true" };

describe("TPU env without sub-groups", () => {
  const all = [LEADER, `${LEADER}-1`, `${LEADER}-2`, `${LEADER}-3`, `${LEADER}-4`];
  const workersOnly = all.slice(1);

  it.each<[string, KubeObject, Env]>([
    ["the leader", pod({ name: LEADER, size: 5 }), { TPU_WORKER_ID: "0" }],
    ["worker 3 of a leader with TPUs", pod({ name: `${LEADER}-3`, size: 5, annotations: LEADS_TPUS }), { TPU_WORKER_ID: "3" }],
  ])("%s lists every pod of the group", (_name, input, expected) => {
    expect(tpuEnv(mutateLeaderWorkerSetPod(input))).toEqual([
      { TPU_WORKER_HOSTNAMES: hosts(...all), TPU_NAME: LEADER, TPU_PROCESS_ADDRESSES: addresses(8476, ...all), TPU_PROCESS_PORT: "8476", ...expected },
    ]);
  });

  it("leaves out a leader without TPUs and ranks workers from 0", () => {
    expect(tpuEnv(mutateLeaderWorkerSetPod(pod({ name: `${LEADER}-3`, size: 5 })))).toEqual([
      { TPU_WORKER_HOSTNAMES: hosts(...workersOnly), TPU_WORKER_ID: "2", TPU_NAME: LEADER, TPU_PROCESS_ADDRESSES: addresses(8476, ...workersOnly), TPU_PROCESS_PORT: "8476" },
    ]);
  });

  it("repeats each host once per TPU container, with ports counting up from 8476", () => {
    const containers = [
      { name: "a", ...TPU_LIMITS },
      { name: "b", ...TPU_LIMITS },
    ];
    const leaderHost = `${LEADER}.default`;
    const workerHost = `${LEADER}-1.default`;
    const hostnames = [leaderHost, leaderHost, workerHost, workerHost].join(",");
    const addrs = [`${leaderHost}:8476`, `${leaderHost}:8477`, `${workerHost}:8476`, `${workerHost}:8477`].join(",");
    const common = { TPU_WORKER_HOSTNAMES: hostnames, TPU_NAME: LEADER, TPU_PROCESS_ADDRESSES: addrs };
    expect(tpuEnv(mutateLeaderWorkerSetPod(pod({ name: LEADER, size: 2, containers })))).toEqual([
      { ...common, TPU_WORKER_ID: "0", TPU_PROCESS_PORT: "8476" },
      { ...common, TPU_WORKER_ID: "1", TPU_PROCESS_PORT: "8477" },
    ]);
    expect(tpuEnv(mutateLeaderWorkerSetPod(pod({ name: `${LEADER}-1`, size: 2, containers, annotations: LEADS_TPUS }))).map((e) => e.TPU_WORKER_ID)).toEqual(["2", "3"]);
  });

  it("uses the container's own TPU_PROCESS_PORT and does not add another", () => {
    const containers = [{ name: "tpu", ...TPU_LIMITS, env: [{ name: "TPU_PROCESS_PORT", value: "9000" }] }];
    const [env] = tpuEnv(mutateLeaderWorkerSetPod(pod({ name: LEADER, size: 2, containers })));
    expect(env.TPU_PROCESS_ADDRESSES).toBe(addresses(9000, LEADER, `${LEADER}-1`));
    const names = (mutateLeaderWorkerSetPod(pod({ name: LEADER, size: 2, containers })).spec as { containers: Array<{ env: Array<{ name: string }> }> }).containers[0].env.map((e) => e.name);
    expect(names.filter((n) => n === "TPU_PROCESS_PORT")).toHaveLength(1);
  });

  it("appends after the container's own vars, behind the LWS vars", () => {
    const containers = [{ name: "tpu", ...TPU_LIMITS, env: [{ name: "MINE", value: "1" }] }];
    const admitted = mutateLeaderWorkerSetPod(pod({ name: LEADER, size: 2, containers }));
    const names = (admitted.spec as { containers: Array<{ env: Array<{ name: string }> }> }).containers[0].env.map((e) => e.name);
    expect(names).toEqual(["LWS_LEADER_ADDRESS", "LWS_GROUP_SIZE", "LWS_WORKER_INDEX", "MINE", "TPU_WORKER_HOSTNAMES", "TPU_WORKER_ID", "TPU_NAME", "TPU_PROCESS_ADDRESSES", "TPU_PROCESS_PORT"]);
  });

  it("skips a pod whose first TPU container already has TPU_WORKER_ID", () => {
    const containers = [{ name: "tpu", ...TPU_LIMITS, env: [{ name: "TPU_WORKER_ID", value: "7" }] }];
    expect(tpuEnv(mutateLeaderWorkerSetPod(pod({ name: LEADER, size: 2, containers })))).toEqual([{ TPU_WORKER_ID: "7" }]);
  });
});

describe("TPU env with sub-groups", () => {
  const subGroups = (size: number, sgs: number, type = "LeaderWorker") => ({ [ANNOTATIONS.subGroupSize]: String(sgs), [ANNOTATIONS.subGroupPolicyType]: type, [ANNOTATIONS.size]: String(size) });
  const names = (...n: number[]) => n.map((i) => `${LEADER}-${i}`);

  it.each<[string, KubeObject, string[], string]>([
    ["size 11 by 5, leader without TPUs, worker 7", pod({ name: `${LEADER}-7`, size: 11, annotations: subGroups(11, 5) }), names(6, 7, 8, 9, 10), "1"],
    ["LeaderExcluded by 2, worker 2", pod({ name: `${LEADER}-2`, size: 5, annotations: subGroups(5, 2, "LeaderExcluded") }), names(1, 2), "1"],
    ["size 4 by 2, the leader", pod({ name: LEADER, size: 4, annotations: subGroups(4, 2) }), [LEADER, ...names(1)], "0"],
    ["size 4 by 2, worker 1 of a leader with TPUs", pod({ name: `${LEADER}-1`, size: 4, annotations: { ...subGroups(4, 2), ...LEADS_TPUS } }), [LEADER, ...names(1)], "1"],
    ["size 4 by 2, worker 2 of a leader with TPUs", pod({ name: `${LEADER}-2`, size: 4, annotations: { ...subGroups(4, 2), ...LEADS_TPUS } }), names(2, 3), "0"],
    ["size 4 by 2, worker 3 of a leader with TPUs", pod({ name: `${LEADER}-3`, size: 4, annotations: { ...subGroups(4, 2), ...LEADS_TPUS } }), names(2, 3), "1"],
    ["size 4 by 2, worker 2 of a leader without TPUs", pod({ name: `${LEADER}-2`, size: 4, annotations: subGroups(4, 2) }), names(1, 2), "1"],
  ])("%s", (_name, input, hostNames, id) => {
    expect(tpuEnv(mutateLeaderWorkerSetPod(input))).toEqual([
      { TPU_WORKER_HOSTNAMES: hosts(...hostNames), TPU_WORKER_ID: id, TPU_NAME: LEADER, TPU_PROCESS_ADDRESSES: addresses(8476, ...hostNames), TPU_PROCESS_PORT: "8476" },
    ]);
  });

  it("populates only the first TPU container", () => {
    const containers = [
      { name: "a", ...TPU_LIMITS },
      { name: "b", ...TPU_LIMITS },
    ];
    const [first, second] = tpuEnv(mutateLeaderWorkerSetPod(pod({ name: `${LEADER}-1`, size: 5, containers, annotations: subGroups(5, 2) })));
    expect(first.TPU_WORKER_ID).toBe("0");
    expect(second).toEqual({});
  });

  it("fails, as upstream does, for a LeaderExcluded leader that requests TPUs: it has no sub-group index", () => {
    expect(() => mutateLeaderWorkerSetPod(pod({ name: LEADER, size: 5, annotations: subGroups(5, 2, "LeaderExcluded") }))).toThrow('strconv.Atoi: parsing "": invalid syntax');
  });
});

describe("podRequestsTpus", () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ["a TPU limit", { containers: [TPU_LIMITS] }, true],
    ["a TPU request", { containers: [{ resources: { requests: { "google.com/tpu": 1 } } }] }, true],
    ["a zero limit and a TPU request", { containers: [{ resources: { limits: { "google.com/tpu": "0" }, requests: { "google.com/tpu": "2" } } }] }, true],
    ["an init container's TPUs", { containers: [{}], initContainers: [TPU_LIMITS] }, true],
    ["zero TPUs", { containers: [{ resources: { limits: { "google.com/tpu": "0" } } }] }, false],
    ["GPUs only", { containers: [{ resources: { limits: { "nvidia.com/gpu": "1" } } }] }, false],
    ["no containers", {}, false],
  ])("%s: %s", (_name, spec, expected) => expect(podRequestsTpus(spec)).toBe(expected));

  it("addTpuVariables leaves pods without TPUs alone", () => {
    const input = pod({ name: LEADER, size: 2, containers: [{ name: "cpu" }] });
    const before = structuredClone(input);
    addTpuVariables(input, 2, LEADER);
    expect(input).toEqual(before);
  });
});
