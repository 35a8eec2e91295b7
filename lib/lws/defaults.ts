import { isRecord, type KubeObject } from "@/lib/k8s/types";

/**
 * The LWS mutating webhook's defaults (§2.1), on top of the CRD's structural ones. Runs on
 * create and update, so an update that nulls subdomainPolicy is re-defaulted to Shared.
 */
export function applyWebhookDefaults<T extends KubeObject>(lws: T): T {
  const spec = isRecord(lws.spec) ? { ...lws.spec } : {};
  const template = isRecord(spec.leaderWorkerTemplate) ? { ...spec.leaderWorkerTemplate } : {};
  if (!template.restartPolicy) template.restartPolicy = "RecreateGroupOnPodRestart";
  if (template.restartPolicy === "Default") template.restartPolicy = "None";
  spec.leaderWorkerTemplate = template;
  const rollout = isRecord(spec.rolloutStrategy) ? { ...spec.rolloutStrategy } : {};
  if (!rollout.type) rollout.type = "RollingUpdate";
  if (rollout.type === "RollingUpdate" && !isRecord(rollout.rollingUpdateConfiguration)) rollout.rollingUpdateConfiguration = { maxUnavailable: 1, maxSurge: 0, partition: 0 };
  spec.rolloutStrategy = rollout;
  const network = isRecord(spec.networkConfig) ? { ...spec.networkConfig } : {};
  if (!network.subdomainPolicy) network.subdomainPolicy = "Shared";
  spec.networkConfig = network;
  return { ...lws, spec };
}
