/**
 * Every label, annotation, env var, event reason and condition upstream LeaderWorkerSet uses
 * (lws-upstream-spec §4, §8.6, §11). Nobody types "leaderworkerset.sigs.k8s.io/..." anywhere else.
 */

const PREFIX = "leaderworkerset.sigs.k8s.io";

export const LWS_GROUP = "leaderworkerset.x-k8s.io";
export const LWS_API_VERSION = `${LWS_GROUP}/v1`;
export const LWS_KIND = "LeaderWorkerSet";
/** field manager and event source of the LWS controller */
export const LWS_CONTROLLER_NAME = "lws";
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
  /** sha1("<leader pod>/<subgroup index>") */
  subGroupKey: `${PREFIX}/subgroup-key`,
} as const;

export const ANNOTATIONS = {
  /** on the LWS: the node label whose domains each group gets to itself */
  exclusiveTopology: `${PREFIX}/exclusive-topology`,
  /** on the LWS: the same for each sub-group */
  subGroupExclusiveTopology: `${PREFIX}/subgroup-exclusive-topology`,
  /** on every pod: the group size */
  size: `${PREFIX}/size`,
  /** on the leader StatefulSet: spec.replicas when it was last applied */
  replicas: `${PREFIX}/replicas`,
  /** on worker pods: their leader's name */
  leaderName: `${PREFIX}/leader-name`,
  subGroupSize: `${PREFIX}/subgroup-size`,
  subGroupPolicyType: `${PREFIX}/subgroup-policy-type`,
  /** on leader pods in UniquePerReplica mode */
  subdomainPolicy: `${PREFIX}/subdomainPolicy`,
  /** on worker pods whose leader requests TPUs */
  leaderRequestsTpus: `${PREFIX}/leader-requests-tpus`,
  /** legacy switch: RecreateGroupOnPodRestart behaves as RecreateGroupAfterStart */
  experimentalRecreateGroupAfterStart: `${PREFIX}/experimental-recreate-group-after-start`,
  /** volcano gang scheduling: the pod group of a pod */
  volcanoGroupName: "scheduling.k8s.io/group-name",
} as const;

export const ENV = {
  leaderAddress: "LWS_LEADER_ADDRESS",
  groupSize: "LWS_GROUP_SIZE",
  workerIndex: "LWS_WORKER_INDEX",
} as const;

export const EVENT_REASONS = {
  creatingRevision: "CreatingRevision",
  groupsProgressing: "GroupsProgressing",
  groupsUpdating: "GroupsUpdating",
  allGroupsReady: "AllGroupsReady",
  recreateGroup: "RecreateGroup",
  failedCreate: "FailedCreate",
  failedUpdate: "FailedUpdate",
} as const;

export const CONDITION_TYPES = {
  available: "Available",
  progressing: "Progressing",
  updateInProgress: "UpdateInProgress",
} as const;
