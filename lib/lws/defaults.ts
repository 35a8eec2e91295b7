import { clone } from "@/lib/k8s/deep-equal";
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { DEFAULTS } from "./constants";
import type { LeaderWorkerSet } from "./types";

type Fields = Record<string, unknown>;

/** Go decodes null and absent alike, into a zero struct or a nil pointer. */
const orEmpty = (value: unknown): Fields => (isRecord(value) ? value : {});

function defaultTemplate(template: Fields): void {
  if (!template.restartPolicy) template.restartPolicy = DEFAULTS.restartPolicy;
  if (template.restartPolicy === "Default") template.restartPolicy = DEFAULTS.deprecatedRestartPolicyReplacement;
}

function defaultRollout(rollout: Fields): void {
  if (!rollout.type) rollout.type = DEFAULTS.rolloutStrategyType;
  if (rollout.type === DEFAULTS.rolloutStrategyType && !isRecord(rollout.rollingUpdateConfiguration)) {
    rollout.rollingUpdateConfiguration = { maxUnavailable: DEFAULTS.maxUnavailable, maxSurge: DEFAULTS.maxSurge, partition: DEFAULTS.partition };
  }
}

function defaultNetwork(network: Fields): void {
  if (network.subdomainPolicy === undefined || network.subdomainPolicy === null) network.subdomainPolicy = DEFAULTS.subdomainPolicy;
}

/**
 * The LWS mutating webhook (§2.1), on top of the CRD's structural defaults, which the API server
 * has already applied. Runs on create and update, so an update that nulls subdomainPolicy is
 * re-defaulted to Shared. Returns a new object; the input is left untouched.
 */
export function applyWebhookDefaults(lws: KubeObject): LeaderWorkerSet {
  const result = clone(lws);
  const spec = orEmpty(result.spec);
  const template = orEmpty(spec.leaderWorkerTemplate);
  const rollout = orEmpty(spec.rolloutStrategy);
  const network = orEmpty(spec.networkConfig);
  defaultTemplate(template);
  defaultRollout(rollout);
  defaultNetwork(network);
  result.spec = { ...spec, leaderWorkerTemplate: template, rolloutStrategy: rollout, networkConfig: network };
  return result as LeaderWorkerSet;
}
