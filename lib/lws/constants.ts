/**
 * Every name upstream LeaderWorkerSet puts on the wire (lws-upstream-spec §1, §4, §8.6, §11):
 * labels, annotations, env vars, enum values, event reasons, conditions and defaults. Nobody
 * types "leaderworkerset.sigs.k8s.io/..." anywhere else.
 */

/** The label/annotation domain, which differs from the API group on purpose (§1.1). */
const PREFIX = "leaderworkerset.sigs.k8s.io";

/** API group of the LeaderWorkerSet kind. */
export const LWS_GROUP = "leaderworkerset.x-k8s.io";
/** The only served and stored version. */
export const LWS_VERSION = "v1";
/** apiVersion of every LeaderWorkerSet object. */
export const LWS_API_VERSION = `${LWS_GROUP}/${LWS_VERSION}`;
/** Kind of a LeaderWorkerSet object. */
export const LWS_KIND = "LeaderWorkerSet";
/** Kind of a list of LeaderWorkerSets. */
export const LWS_LIST_KIND = "LeaderWorkerSetList";
/** Field manager of the LWS controller's server-side applies. */
export const LWS_CONTROLLER_NAME = "lws";
/** Reporting component of the events the LWS controllers emit. */
export const LWS_EVENT_COMPONENT = "leaderworkerset";

export const LABELS = {
  /** the LWS name, on every object of the LWS */
  name: `${PREFIX}/name`,
  /** the revision key of the template a group was built from */
  templateRevisionHash: `${PREFIX}/template-revision-hash`,
  /** "0" for the leader, j for worker j */
  workerIndex: `${PREFIX}/worker-index`,
  /** the group index i */
  groupIndex: `${PREFIX}/group-index`,
  /** sha1("<ns>/<leader pod>"): ties a group's pods together, incarnation by incarnation */
  groupKey: `${PREFIX}/group-key`,
  /** the sub-group index within a group */
  subGroupIndex: `${PREFIX}/subgroup-index`,
  /** sha1("<leader pod>/<subgroup index>"), without the namespace */
  subGroupKey: `${PREFIX}/subgroup-key`,
} as const;

export const ANNOTATIONS = {
  /** on the LWS and its pod templates: the node label whose domains each group gets to itself */
  exclusiveTopology: `${PREFIX}/exclusive-topology`,
  /** on the LWS and its pod templates: the same for each sub-group */
  subGroupExclusiveTopology: `${PREFIX}/subgroup-exclusive-topology`,
  /** on every pod: the group size, which the pod webhook requires */
  size: `${PREFIX}/size`,
  /** on the leader StatefulSet: spec.replicas when it was last applied */
  replicas: `${PREFIX}/replicas`,
  /** on worker pods: their leader's name */
  leaderName: `${PREFIX}/leader-name`,
  /** on every pod when subGroupPolicy is set: the sub-group size */
  subGroupSize: `${PREFIX}/subgroup-size`,
  /** on pods when subGroupPolicy is set: LeaderWorker or LeaderExcluded */
  subGroupPolicyType: `${PREFIX}/subgroup-policy-type`,
  /** on leader pods in UniquePerReplica mode: tells the pod webhook to set spec.subdomain */
  subdomainPolicy: `${PREFIX}/subdomainPolicy`,
  /** on worker pods whose leader requests TPUs */
  leaderRequestsTpus: `${PREFIX}/leader-requests-tpus`,
  /** legacy switch: RecreateGroupOnPodRestart behaves as RecreateGroupAfterStart */
  experimentalRecreateGroupAfterStart: `${PREFIX}/experimental-recreate-group-after-start`,
  /** volcano gang scheduling: the pod group of a pod */
  volcanoGroupName: "scheduling.k8s.io/group-name",
  /** volcano gang scheduling: on the LWS, the queue its pod groups go to */
  volcanoQueueName: "scheduling.volcano.sh/queue-name",
} as const;

/** The env vars the pod webhook puts first in every container, in this order (§4.3). */
export const ENV = {
  /** DNS name of the group's leader: <lws>-<i>.<subdomain>.<ns> */
  leaderAddress: "LWS_LEADER_ADDRESS",
  /** pods per group, leader included */
  groupSize: "LWS_GROUP_SIZE",
  /** the pod's worker index, 0 for the leader */
  workerIndex: "LWS_WORKER_INDEX",
} as const;

/** TPU support of the pod webhook (§4.4). */
export const TPU = {
  /** the extended resource whose request triggers TPU env injection */
  resourceName: "google.com/tpu",
  /** TPU_PROCESS_PORT of the first TPU container when the user sets none; the next ones count up */
  defaultProcessPort: 8476,
} as const;

/** The env vars appended to TPU containers (§4.4). */
export const TPU_ENV = {
  /** comma-separated host names of every TPU worker of the slice */
  workerHostnames: "TPU_WORKER_HOSTNAMES",
  /** this container's rank among them */
  workerId: "TPU_WORKER_ID",
  /** the slice's name: the leader pod's name */
  name: "TPU_NAME",
  /** host:port of every TPU process of the slice */
  processAddresses: "TPU_PROCESS_ADDRESSES",
  /** this container's TPU process port */
  processPort: "TPU_PROCESS_PORT",
} as const;

/** spec.startupPolicy values: when worker StatefulSets are created. */
export const STARTUP_POLICIES = ["LeaderCreated", "LeaderReady"] as const;
/** spec.leaderWorkerTemplate.restartPolicy values; "Default" is the deprecated name of None. */
export const RESTART_POLICIES = ["Default", "RecreateGroupOnPodRestart", "RecreateGroupAfterStart", "None"] as const;
/** spec.rolloutStrategy.type values. */
export const ROLLOUT_STRATEGY_TYPES = ["RollingUpdate"] as const;
/** spec.networkConfig.subdomainPolicy values. */
export const SUBDOMAIN_POLICIES = ["Shared", "UniquePerReplica"] as const;
/** spec.leaderWorkerTemplate.subGroupPolicy.subGroupPolicyType values. */
export const SUBGROUP_POLICY_TYPES = ["LeaderWorker", "LeaderExcluded"] as const;

/** What an unset field means: the CRD's structural defaults and the webhook's (§1.2-§1.4, §2.1). */
export const DEFAULTS = {
  /** groups */
  replicas: 1,
  /** pods per group */
  size: 1,
  /** what an empty restartPolicy becomes */
  restartPolicy: "RecreateGroupOnPodRestart",
  /** what the deprecated "Default" restartPolicy becomes */
  deprecatedRestartPolicyReplacement: "None",
  /** empty or absent startupPolicy behaves as this */
  startupPolicy: "LeaderCreated",
  /** rolloutStrategy.type */
  rolloutStrategyType: "RollingUpdate",
  /** groups unavailable during a rollout */
  maxUnavailable: 1,
  /** extra groups during a rollout */
  maxSurge: 0,
  /** groups below this index keep their revision */
  partition: 0,
  /** networkConfig.subdomainPolicy, also when hashing an LWS without networkConfig */
  subdomainPolicy: "Shared",
  /** subGroupPolicy.subGroupPolicyType */
  subGroupPolicyType: "LeaderWorker",
} as const;

/** Upper bound of spec.replicas (CRD maximum and webhook check). */
export const MAX_REPLICAS = 1_000_000;
/** ControllerRevision names keep at most this many characters of the LWS name. */
export const REVISION_NAME_PREFIX_MAX = 220;

export const EVENT_REASONS = {
  /** a ControllerRevision was created for a new, updated or adopted LWS */
  creatingRevision: "CreatingRevision",
  /** StatefulSets created, surge groups deleted, or the Progressing condition set */
  groupsProgressing: "GroupsProgressing",
  /** groups are being rolled, or the UpdateInProgress condition set */
  groupsUpdating: "GroupsUpdating",
  /** the Available condition set */
  allGroupsReady: "AllGroupsReady",
  /** a failed pod made the controller delete its group's leader */
  recreateGroup: "RecreateGroup",
  /** a StatefulSet or Service could not be created */
  failedCreate: "FailedCreate",
  /** the leader StatefulSet could not be updated */
  failedUpdate: "FailedUpdate",
} as const;

/** The `action` of events.k8s.io/v1 events the controllers emit. */
export const EVENT_ACTIONS = {
  /** an object was created */
  create: "Create",
  /** an object or the status was updated */
  update: "Update",
  /** an object was deleted */
  delete: "Delete",
} as const;

export const CONDITION_TYPES = {
  /** every group is ready */
  available: "Available",
  /** groups are being created or scaled */
  progressing: "Progressing",
  /** a rolling update is under way */
  updateInProgress: "UpdateInProgress",
} as const;

/** Reason and message each condition type is set with (always with status True, §1.5). */
export const CONDITIONS = {
  [CONDITION_TYPES.available]: { reason: EVENT_REASONS.allGroupsReady, message: "All replicas are ready" },
  [CONDITION_TYPES.progressing]: { reason: EVENT_REASONS.groupsProgressing, message: "Replicas are progressing" },
  [CONDITION_TYPES.updateInProgress]: { reason: EVENT_REASONS.groupsUpdating, message: "Rolling Upgrade is in progress" },
} as const;
