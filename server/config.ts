import { resolve } from "node:path";
import { GANG_SCHEDULER_PROVIDERS, type GangSchedulerProvider } from "./lws/volcano-pod-group";

/** The process's settings, all from the environment (see the README's configuration table). */
export interface ProcessConfig {
  host: string;
  port: number;
  dataDir: string;
  cluster: "embedded" | "kubeconfig";
  controller: boolean;
  /** LWS gang scheduling (upstream's gangSchedulingManagement.schedulerProvider); off when unset */
  gangScheduling?: GangSchedulerProvider;
  topologyFile?: string;
  podStartupMs: number;
  /** LWS_EVENT_TTL_SECONDS: how long an event lives after its last write (kube-apiserver's --event-ttl) */
  eventTtlSeconds: number;
}

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T, env: NodeJS.ProcessEnv): T {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!allowed.includes(raw as T)) throw new Error(`${name} must be one of ${allowed.join(", ")}, got "${raw}"`);
  return raw as T;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ProcessConfig {
  return {
    host: env.HOST || "127.0.0.1",
    port: integer("PORT", 3000, env),
    dataDir: resolve(/*turbopackIgnore: true*/ env.LWS_DATA_DIR || ".data"),
    cluster: oneOf("LWS_CLUSTER", ["embedded", "kubeconfig"] as const, "embedded", env),
    controller: oneOf("LWS_CONTROLLER", ["on", "off"] as const, "on", env) === "on",
    gangScheduling: env.LWS_GANG_SCHEDULING ? oneOf("LWS_GANG_SCHEDULING", GANG_SCHEDULER_PROVIDERS, "volcano", env) : undefined,
    topologyFile: env.LWS_TOPOLOGY || undefined,
    podStartupMs: integer("LWS_SIM_POD_STARTUP_MS", 1000, env),
    eventTtlSeconds: integer("LWS_EVENT_TTL_SECONDS", 3600, env),
  };
}

/** The address clients on this machine use: a wildcard bind is reached through loopback. */
export function clientHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
