/**
 * OpenAPI v3 schemas of the built-in kinds the embedded API server serves, named as upstream names
 * them so `kubectl explain` finds them by their `x-kubernetes-group-version-kind`. They describe the
 * fields people read and write; wherever a schema stops short of upstream it carries
 * `x-kubernetes-preserve-unknown-fields` so a validator built on it never rejects a real field.
 */

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** The part of an OpenAPI v3 schema object (plus Kubernetes extensions) that our documents use. */
export interface OpenApiSchema {
  description?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  format?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema;
  items?: OpenApiSchema;
  required?: string[];
  enum?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  allOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  $ref?: string;
  "x-kubernetes-group-version-kind"?: GroupVersionKind[];
  "x-kubernetes-int-or-string"?: true;
  "x-kubernetes-preserve-unknown-fields"?: true;
  "x-kubernetes-list-type"?: "atomic" | "map" | "set";
  "x-kubernetes-list-map-keys"?: string[];
  "x-kubernetes-map-type"?: "atomic" | "granular";
}

export const SCHEMA_REF_PREFIX = "#/components/schemas/";

export const OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
export const POD_TEMPLATE_SPEC = "io.k8s.api.core.v1.PodTemplateSpec";
export const PERSISTENT_VOLUME_CLAIM = "io.k8s.api.core.v1.PersistentVolumeClaim";
export const PVC_RETENTION_POLICY = "io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy";
export const CONDITION = "io.k8s.apimachinery.pkg.apis.meta.v1.Condition";
export const SCALE = "io.k8s.api.autoscaling.v1.Scale";

const META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
const CORE = "io.k8s.api.core.v1.";
const APPS = "io.k8s.api.apps.v1.";

// Field builders: they keep the tables below readable; every one returns plain data.
/** A field whose type is a named schema; allOf lets the field carry its own description, as upstream does. */
export const ref = (name: string, description: string): OpenApiSchema => ({ description, allOf: [{ $ref: SCHEMA_REF_PREFIX + name }] });
export const listOf = (name: string, description: string): OpenApiSchema => ({ description, type: "array", items: { $ref: SCHEMA_REF_PREFIX + name } });
export const str = (description: string): OpenApiSchema => ({ description, type: "string" });
export const int32 = (description: string): OpenApiSchema => ({ description, type: "integer", format: "int32" });
export const int64 = (description: string): OpenApiSchema => ({ description, type: "integer", format: "int64" });
const bool = (description: string): OpenApiSchema => ({ description, type: "boolean" });
const time = (description: string): OpenApiSchema => ({ description, type: "string", format: "date-time" });
export const oneOf = (values: string[], description: string): OpenApiSchema => ({ description, type: "string", enum: values });
const strings = (description: string): OpenApiSchema => ({ description, type: "array", items: { type: "string" } });
const stringMap = (description: string): OpenApiSchema => ({ description, type: "object", additionalProperties: { type: "string" } });
/** An object this file does not describe field by field. */
const opaque = (description: string): OpenApiSchema => ({ description, type: "object", "x-kubernetes-preserve-unknown-fields": true });
/** The CRD form of an int-or-string field (upstream's IntOrString and Quantity). */
export const intOrString = (description: string): OpenApiSchema => ({
  description,
  anyOf: [{ type: "integer" }, { type: "string" }],
  "x-kubernetes-int-or-string": true,
});
const quantities = (description: string): OpenApiSchema => ({
  description,
  type: "object",
  additionalProperties: intOrString("A quantity such as 500m, 2Gi or 4."),
});
const partial = (description: string, properties: Record<string, OpenApiSchema>, required?: string[]): OpenApiSchema => ({
  description,
  type: "object",
  properties,
  ...(required ? { required } : {}),
  "x-kubernetes-preserve-unknown-fields": true,
});
const complete = (description: string, properties: Record<string, OpenApiSchema>, required?: string[]): OpenApiSchema => ({
  description,
  type: "object",
  properties,
  ...(required ? { required } : {}),
});

/** The schema of a top-level kind: type meta, object metadata, then its own fields. */
export function kindSchema(gvk: GroupVersionKind, description: string, properties: Record<string, OpenApiSchema>, required?: string[]): OpenApiSchema {
  const schema = complete(
    description,
    {
      apiVersion: str("The versioned schema of this representation of the object, e.g. \"v1\" or \"apps/v1\". Servers convert recognised schemas to their latest internal value."),
      kind: str("The REST resource this object represents, in CamelCase. Servers may infer it from the endpoint the client submits requests to; it cannot be updated."),
      metadata: ref(OBJECT_META, "Standard object metadata: name, namespace, labels, annotations and the fields the server maintains."),
      ...properties,
    },
    required,
  );
  return { ...schema, "x-kubernetes-group-version-kind": [gvk] };
}

const v1 = (kind: string, group = ""): GroupVersionKind => ({ group, version: "v1", kind });

const META_SCHEMAS: Record<string, OpenApiSchema> = {
  [OBJECT_META]: complete("Metadata every persisted resource carries, including the objects users create.", {
    name: str("Unique name within a namespace. Required on create unless generateName is set; cannot be updated."),
    generateName: str("Prefix the server uses to generate a unique name when name is empty; a random suffix is appended."),
    namespace: str("The namespace the object lives in; empty for cluster-scoped objects. Must be a DNS label; cannot be updated."),
    selfLink: str("Deprecated and no longer set by the server."),
    uid: str("Unique identifier of this object across time and space, assigned by the server on create. Read-only."),
    resourceVersion: str("Opaque version of the object, used for optimistic concurrency, change detection and watch. Read-only; clients must not interpret it."),
    generation: int64("Sequence number of a specific generation of the desired state, set by the server. Read-only."),
    creationTimestamp: time("When the server created the object, in RFC 3339 form. Read-only."),
    deletionTimestamp: time("When the object will be or was deleted; set by the server when deletion is requested and finalizers or a grace period delay it. Read-only."),
    deletionGracePeriodSeconds: int64("Seconds the object is allowed to terminate gracefully before removal; set together with deletionTimestamp. Read-only."),
    labels: stringMap("Key/value pairs used to organise, select and group objects; matched by label selectors."),
    annotations: stringMap("Unstructured key/value data that tools and controllers attach to the object; not queryable."),
    ownerReferences: { ...listOf(`${META}OwnerReference`, "Objects this one depends on. When every owner is deleted, the garbage collector deletes this object; at most one owner may be the managing controller."), "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["uid"] },
    finalizers: { ...strings("Keys that must be cleared before the object is removed from the registry; deletion waits for them."), "x-kubernetes-list-type": "set" },
    managedFields: { description: "Which field manager owns which fields, maintained by the server for server-side apply.", type: "array", items: opaque("One field manager's ownership record.") },
  }),
  [`${META}OwnerReference`]: complete(
    "Identifies an owning object, enough to find it; the owner must be in the same namespace or cluster-scoped.",
    {
      apiVersion: str("API version of the owner."),
      kind: str("Kind of the owner."),
      name: str("Name of the owner."),
      uid: str("UID of the owner."),
      controller: bool("True if the owner is the managing controller of this object."),
      blockOwnerDeletion: bool("If true, foreground deletion of the owner waits until this object is removed."),
    },
    ["apiVersion", "kind", "name", "uid"],
  ),
  [`${META}LabelSelector`]: complete("A label query over a set of objects. The requirements are ANDed; an empty selector matches everything.", {
    matchLabels: stringMap("Label key/value pairs that must all match; each is the same as a matchExpressions entry with operator In and a single value."),
    matchExpressions: {
      description: "Set-based requirements, ANDed.",
      type: "array",
      items: complete(
        "A selector requirement: a key, an operator and values.",
        {
          key: str("The label key the requirement applies to."),
          operator: oneOf(["In", "NotIn", "Exists", "DoesNotExist"], "How the key relates to the values."),
          values: strings("Values for In and NotIn; must be empty for Exists and DoesNotExist."),
        },
        ["key", "operator"],
      ),
    },
  }),
  [CONDITION]: complete(
    "One aspect of the current state of a resource.",
    {
      type: str("Type of the condition in CamelCase, e.g. Available."),
      status: oneOf(["True", "False", "Unknown"], "Status of the condition."),
      observedGeneration: { ...int64("The metadata.generation the condition was set for."), minimum: 0 },
      lastTransitionTime: time("When the condition last changed from one status to another."),
      reason: str("A CamelCase, machine-readable reason for the last transition."),
      message: str("A human-readable message with details about the transition."),
    },
    ["type", "status", "lastTransitionTime", "reason", "message"],
  ),
  [SCALE]: kindSchema(v1("Scale", "autoscaling"), "The scale subresource of a resource: desired and observed replica counts.", {
    spec: complete("The desired scale.", { replicas: int32("Desired number of instances.") }),
    status: complete("The observed scale.", {
      replicas: int32("Observed number of instances."),
      selector: str("Label selector, in string form, of the pods counted in replicas; used by autoscalers."),
    }),
  }),
};

const POD_SCHEMAS: Record<string, OpenApiSchema> = {
  [`${CORE}Pod`]: kindSchema(v1("Pod"), "A Pod is a group of containers that share storage and network and are scheduled together onto a node.", {
    spec: ref(`${CORE}PodSpec`, "Desired behaviour of the pod."),
    status: ref(`${CORE}PodStatus`, "Most recently observed status of the pod; maintained by the system. Read-only."),
  }),
  [POD_TEMPLATE_SPEC]: complete("What a pod created from a template looks like.", {
    metadata: ref(OBJECT_META, "Metadata (labels, annotations) given to the pods created from this template."),
    spec: ref(`${CORE}PodSpec`, "Desired behaviour of the pods created from this template."),
  }),
  [`${CORE}PodSpec`]: partial(
    "Specification of a pod: its containers, volumes and placement.",
    {
      containers: { ...listOf(`${CORE}Container`, "Containers of the pod. At least one; cannot be added or removed after creation."), "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"] },
      initContainers: { ...listOf(`${CORE}Container`, "Containers run to completion, in order, before the app containers start."), "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"] },
      volumes: { ...listOf(`${CORE}Volume`, "Volumes the pod's containers can mount."), "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"] },
      nodeSelector: stringMap("Labels a node must carry for the pod to be scheduled onto it."),
      affinity: opaque("Scheduling constraints: nodeAffinity, podAffinity and podAntiAffinity."),
      tolerations: { ...listOf(`${CORE}Toleration`, "Taints the pod tolerates."), "x-kubernetes-list-type": "atomic" },
      nodeName: str("The node the pod is bound to. Set by the scheduler; setting it on create bypasses scheduling."),
      schedulerName: str("The scheduler that places this pod; the default scheduler when empty."),
      restartPolicy: oneOf(["Always", "OnFailure", "Never"], "Restart policy for all containers of the pod. Defaults to Always."),
      terminationGracePeriodSeconds: int64("Seconds the pod may take to terminate gracefully after a deletion request. Defaults to 30."),
      hostname: str("Hostname of the pod; defaults to the pod name."),
      subdomain: str("With a headless Service of the same name, gives the pod the DNS name <hostname>.<subdomain>.<namespace>.svc."),
      serviceAccountName: str("Name of the ServiceAccount the pod runs as."),
      priorityClassName: str("Name of the PriorityClass that sets the pod's priority."),
    },
    ["containers"],
  ),
  [`${CORE}Container`]: partial(
    "A single application container in a pod.",
    {
      name: str("Name of the container, a DNS label unique within the pod. Cannot be updated."),
      image: str("Container image name."),
      imagePullPolicy: oneOf(["Always", "Never", "IfNotPresent"], "When to pull the image. Defaults to Always for :latest tags, IfNotPresent otherwise."),
      command: strings("Entrypoint array, run without a shell; replaces the image's ENTRYPOINT. $(VAR) references are expanded."),
      args: strings("Arguments to the entrypoint; replace the image's CMD. $(VAR) references are expanded."),
      workingDir: str("Working directory of the container; the image's default when empty."),
      env: { ...listOf(`${CORE}EnvVar`, "Environment variables set in the container."), "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"] },
      envFrom: { description: "Sources (ConfigMaps, Secrets) whose keys become environment variables.", type: "array", items: opaque("An environment variable source.") },
      ports: { ...listOf(`${CORE}ContainerPort`, "Ports the container exposes; informational, but named ports can be referenced by Services."), "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["containerPort", "protocol"] },
      resources: ref(`${CORE}ResourceRequirements`, "Compute resources the container requests and is limited to."),
      volumeMounts: { ...listOf(`${CORE}VolumeMount`, "Pod volumes mounted into the container's filesystem."), "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["mountPath"] },
      livenessProbe: opaque("Periodic probe of liveness; the container is restarted when it fails."),
      readinessProbe: opaque("Periodic probe of readiness; the pod is removed from Service endpoints when it fails."),
      startupProbe: opaque("Probe that must succeed before the other probes start."),
      securityContext: opaque("Security options the container runs with."),
    },
    ["name"],
  ),
  [`${CORE}EnvVar`]: partial(
    "An environment variable of a container.",
    {
      name: str("Name of the variable."),
      value: str("Value of the variable; $(VAR) references to earlier variables are expanded."),
      valueFrom: opaque("Source of the value (field, resource, ConfigMap or Secret key); cannot be used with value."),
    },
    ["name"],
  ),
  [`${CORE}ContainerPort`]: complete(
    "A network port of a container.",
    {
      name: str("IANA service name of the port, unique within the pod; Services can refer to it."),
      containerPort: int32("Port number on the pod's IP address."),
      protocol: { ...oneOf(["TCP", "UDP", "SCTP"], "Protocol of the port. Defaults to TCP."), default: "TCP" },
      hostPort: int32("Port number to expose on the host; most containers do not need this."),
      hostIP: str("Host IP to bind the host port to."),
    },
    ["containerPort"],
  ),
  [`${CORE}ResourceRequirements`]: partial("Compute resource requests and limits.", {
    requests: quantities("Minimum resources the container needs; the scheduler places the pod by these. Default to limits when omitted."),
    limits: quantities("Maximum resources the container may use."),
  }),
  [`${CORE}VolumeMount`]: partial(
    "A volume mounted into a container.",
    {
      name: str("Name of the pod volume to mount."),
      mountPath: str("Path inside the container where the volume appears; must not contain ':'."),
      subPath: str("Path within the volume to mount instead of its root."),
      readOnly: bool("Mount read-only. Defaults to false."),
    },
    ["name", "mountPath"],
  ),
  [`${CORE}Volume`]: partial(
    "A named volume in a pod. Exactly one volume source is set; the sources not listed here are accepted as well.",
    {
      name: str("Name of the volume, a DNS label unique within the pod."),
      persistentVolumeClaim: complete("A PersistentVolumeClaim in the pod's namespace.", { claimName: str("Name of the claim."), readOnly: bool("Mount read-only.") }, ["claimName"]),
      emptyDir: opaque("A temporary directory that lives as long as the pod."),
      configMap: opaque("A ConfigMap whose keys become files."),
      hostPath: opaque("A file or directory on the host node."),
    },
    ["name"],
  ),
  [`${CORE}Toleration`]: complete("Lets a pod be scheduled onto (or stay on) nodes with a matching taint.", {
    key: str("Taint key the toleration applies to; empty with operator Exists matches every key."),
    operator: oneOf(["Exists", "Equal"], "How the key relates to the value. Defaults to Equal."),
    value: str("Taint value to match; empty with operator Exists."),
    effect: oneOf(["NoSchedule", "PreferNoSchedule", "NoExecute"], "Taint effect to match; empty matches every effect."),
    tolerationSeconds: int64("For NoExecute taints, how long the pod stays bound after the taint appears; forever when unset."),
  }),
  [`${CORE}PodStatus`]: partial("Observed state of a pod; may trail the real state.", {
    phase: oneOf(["Pending", "Running", "Succeeded", "Failed", "Unknown"], "Where the pod is in its lifecycle."),
    conditions: { description: "Current service state of the pod (PodScheduled, Initialized, ContainersReady, Ready).", type: "array", items: opaque("A pod condition: type, status, reason, message and transition times.") },
    message: str("Human-readable message about why the pod is in this state."),
    reason: str("Brief CamelCase reason for the pod's state."),
    hostIP: str("IP address of the node the pod is bound to."),
    podIP: str("IP address allocated to the pod."),
    podIPs: { description: "IP addresses allocated to the pod.", type: "array", items: opaque("One pod IP.") },
    startTime: time("When the kubelet acknowledged the pod, before any image was pulled."),
    containerStatuses: { description: "Status of each app container.", type: "array", items: opaque("A container's state, readiness and restart count.") },
    initContainerStatuses: { description: "Status of each init container.", type: "array", items: opaque("A container's state, readiness and restart count.") },
    qosClass: oneOf(["Guaranteed", "Burstable", "BestEffort"], "Quality of service class derived from the resource requirements."),
  }),
};

const STORAGE_SCHEMAS: Record<string, OpenApiSchema> = {
  [PERSISTENT_VOLUME_CLAIM]: kindSchema(v1("PersistentVolumeClaim"), "A user's request for, and claim to, a persistent volume.", {
    spec: partial("The claim the user makes.", {
      accessModes: strings("Access modes the volume must support: ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod."),
      resources: partial("Resources the volume must have.", { requests: quantities("Minimum resources, e.g. storage: 10Gi."), limits: quantities("Maximum resources.") }),
      storageClassName: str("Name of the StorageClass the claim requires."),
      volumeMode: oneOf(["Filesystem", "Block"], "Whether the volume is mounted as a filesystem or used as a raw block device."),
      volumeName: str("Binds the claim to this existing PersistentVolume."),
      selector: ref(`${META}LabelSelector`, "Label query over volumes considered for binding."),
    }),
    status: partial("Observed state of the claim. Read-only.", {
      phase: oneOf(["Pending", "Bound", "Lost"], "Binding state of the claim."),
      accessModes: strings("Access modes the bound volume actually has."),
      capacity: quantities("Actual resources of the bound volume."),
    }),
  }),
};

const WORKLOAD_SCHEMAS: Record<string, OpenApiSchema> = {
  [`${APPS}StatefulSet`]: kindSchema(v1("StatefulSet", "apps"), "Manages pods with stable identities (ordinal names, stable storage) created from one template.", {
    spec: ref(`${APPS}StatefulSetSpec`, "Desired identities of the pods in this set."),
    status: ref(`${APPS}StatefulSetStatus`, "Recently observed status of the set; may trail the real state. Read-only."),
  }),
  [`${APPS}StatefulSetSpec`]: partial(
    "Desired state of a StatefulSet.",
    {
      replicas: int32("Desired number of pods. Defaults to 1."),
      selector: ref(`${META}LabelSelector`, "Label query over pods; must match the template's labels."),
      template: ref(POD_TEMPLATE_SPEC, "Template of the pods; each pod gets a stable name <set>-<ordinal>."),
      serviceName: str("Name of the governing headless Service that gives the pods their network identity."),
      podManagementPolicy: oneOf(["OrderedReady", "Parallel"], "How pods are created and deleted on scale: one at a time in ordinal order (OrderedReady), or all at once (Parallel). Defaults to OrderedReady."),
      updateStrategy: complete("How pods are replaced when the template changes.", {
        type: oneOf(["RollingUpdate", "OnDelete"], "RollingUpdate replaces pods in reverse ordinal order; OnDelete waits for pods to be deleted. Defaults to RollingUpdate."),
        rollingUpdate: complete("Parameters of a RollingUpdate.", {
          partition: int32("Only pods with an ordinal greater than or equal to partition are updated. Defaults to 0."),
          maxUnavailable: intOrString("Maximum number of pods (or percentage) that may be unavailable during the update. Defaults to 1."),
        }),
      }),
      revisionHistoryLimit: int32("Number of old ControllerRevisions to keep. Defaults to 10."),
      minReadySeconds: int32("Seconds a new pod must be ready before it counts as available. Defaults to 0."),
      volumeClaimTemplates: listOf(PERSISTENT_VOLUME_CLAIM, "Claims every pod gets, named <template>-<set>-<ordinal>; they take precedence over template volumes of the same name."),
      persistentVolumeClaimRetentionPolicy: ref(PVC_RETENTION_POLICY, "What happens to the claims from volumeClaimTemplates when the set is deleted or scaled down."),
      ordinals: complete("Numbering of the pods.", { start: int32("Ordinal of the first pod; pods are numbered start to start+replicas-1. Defaults to 0.") }),
    },
    ["selector", "template"],
  ),
  [PVC_RETENTION_POLICY]: complete("Lifecycle of the claims created from a StatefulSet's volumeClaimTemplates.", {
    whenDeleted: oneOf(["Retain", "Delete"], "What happens to the claims when the StatefulSet is deleted. Defaults to Retain."),
    whenScaled: oneOf(["Retain", "Delete"], "What happens to the claims of pods removed by a scale down. Defaults to Retain."),
  }),
  [`${APPS}StatefulSetStatus`]: partial("Observed state of a StatefulSet.", {
    observedGeneration: int64("Most recent generation the controller observed."),
    replicas: int32("Number of pods the controller created."),
    readyReplicas: int32("Number of pods with a Ready condition."),
    availableReplicas: int32("Number of pods ready for at least minReadySeconds."),
    currentReplicas: int32("Number of pods created from the currentRevision."),
    updatedReplicas: int32("Number of pods created from the updateRevision."),
    currentRevision: str("Revision that produced the pods up to currentReplicas."),
    updateRevision: str("Revision the pods are being updated to."),
    collisionCount: int32("Count of hash collisions, used to name the newest ControllerRevision."),
    conditions: { description: "Latest observations of the set's state.", type: "array", items: opaque("A StatefulSet condition.") },
  }),
  [`${APPS}ControllerRevision`]: kindSchema(
    v1("ControllerRevision", "apps"),
    "An immutable snapshot of state data that controllers (StatefulSet, DaemonSet, LeaderWorkerSet) use to track and roll back updates.",
    {
      data: opaque("The serialized state of this revision."),
      revision: int64("Revision number of the state held in data."),
    },
    ["revision"],
  ),
};

const SERVICE_SCHEMAS: Record<string, OpenApiSchema> = {
  [`${CORE}Service`]: kindSchema(v1("Service"), "A named abstraction over a set of pods (selected by labels) and the ports they serve; a stable address with load balancing.", {
    spec: partial("Desired behaviour of the service.", {
      type: oneOf(["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"], "How the service is exposed. Defaults to ClusterIP."),
      selector: stringMap("Routes traffic to pods whose labels match; without it the endpoints are managed externally."),
      ports: { ...listOf(`${CORE}ServicePort`, "Ports the service exposes."), "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["port", "protocol"] },
      clusterIP: str("IP address of the service; \"None\" makes a headless service that resolves to the pod addresses."),
      clusterIPs: strings("IP addresses of the service, one per IP family."),
      publishNotReadyAddresses: bool("Publish DNS records for pods that are not ready, e.g. for peer discovery."),
      sessionAffinity: oneOf(["ClientIP", "None"], "Keep a client's connections on the same pod. Defaults to None."),
      externalName: str("DNS name the service aliases when type is ExternalName."),
    }),
    status: partial("Most recently observed status of the service. Read-only.", {
      loadBalancer: opaque("Status of the load balancer, if any."),
      conditions: listOf(CONDITION, "Current state of the service."),
    }),
  }),
  [`${CORE}ServicePort`]: complete(
    "A port a service exposes.",
    {
      name: str("Name of the port, a DNS label; required when the service has several ports."),
      protocol: { ...oneOf(["TCP", "UDP", "SCTP"], "IP protocol of the port. Defaults to TCP."), default: "TCP" },
      appProtocol: str("Application protocol of the port, e.g. http."),
      port: int32("Port the service exposes."),
      targetPort: intOrString("Number or name of the port on the pods; defaults to port."),
      nodePort: int32("Port on every node when type is NodePort or LoadBalancer."),
    },
    ["port"],
  ),
  [`${CORE}Endpoints`]: kindSchema(v1("Endpoints"), "The addresses that implement a service: the ready and not-ready pod addresses and their ports.", {
    subsets: listOf(`${CORE}EndpointSubset`, "Sets of addresses that share the same ports."),
  }),
  [`${CORE}EndpointSubset`]: complete("A group of addresses with a common set of ports.", {
    addresses: listOf(`${CORE}EndpointAddress`, "Addresses that are ready to receive traffic."),
    notReadyAddresses: listOf(`${CORE}EndpointAddress`, "Addresses that are not ready yet or have failed their readiness check."),
    ports: {
      description: "Port numbers available on the addresses.",
      type: "array",
      items: complete("A port of an endpoint.", { name: str("Name of the port, matching the service port name."), port: int32("Port number."), protocol: oneOf(["TCP", "UDP", "SCTP"], "IP protocol. Defaults to TCP."), appProtocol: str("Application protocol.") }, ["port"]),
    },
  }),
  [`${CORE}EndpointAddress`]: complete(
    "One endpoint address.",
    {
      ip: str("IP address of the endpoint."),
      hostname: str("Hostname of the endpoint."),
      nodeName: str("Node hosting the endpoint."),
      targetRef: ref(`${CORE}ObjectReference`, "The object (usually a pod) behind the endpoint."),
    },
    ["ip"],
  ),
};

const CLUSTER_SCHEMAS: Record<string, OpenApiSchema> = {
  [`${CORE}Node`]: kindSchema(v1("Node"), "A worker machine of the cluster that runs pods.", {
    spec: partial("How the node is configured.", {
      unschedulable: bool("Prevents new pods from being scheduled onto the node (cordon)."),
      taints: {
        description: "Taints that repel pods not tolerating them.",
        type: "array",
        items: complete("A taint on a node.", { key: str("Taint key."), value: str("Taint value."), effect: oneOf(["NoSchedule", "PreferNoSchedule", "NoExecute"], "Effect on pods that do not tolerate the taint."), timeAdded: time("When a NoExecute taint was added.") }, ["key", "effect"]),
      },
      podCIDR: str("Pod IP range assigned to the node."),
      providerID: str("ID of the node assigned by the cloud provider."),
    }),
    status: partial("Most recently observed status of the node. Read-only.", {
      capacity: quantities("Total resources of the node."),
      allocatable: quantities("Resources of the node available for pods."),
      conditions: { description: "Current state of the node, e.g. Ready, MemoryPressure.", type: "array", items: opaque("A node condition.") },
      addresses: { description: "Addresses reachable to the node.", type: "array", items: complete("A node address.", { type: str("Address type: Hostname, InternalIP, ExternalIP ..."), address: str("The address.") }, ["type", "address"]) },
      nodeInfo: opaque("General facts about the node: kubelet version, OS, architecture."),
    }),
  }),
  [`${CORE}Namespace`]: kindSchema(v1("Namespace"), "A scope for names; most objects live in exactly one namespace.", {
    spec: complete("Desired state of the namespace.", { finalizers: strings("Values that must be empty before the namespace is removed from storage.") }),
    status: partial("Observed state of the namespace. Read-only.", {
      phase: oneOf(["Active", "Terminating"], "Lifecycle phase of the namespace."),
      conditions: { description: "Latest observations of the namespace's state.", type: "array", items: opaque("A namespace condition.") },
    }),
  }),
  [`${CORE}ConfigMap`]: kindSchema(v1("ConfigMap"), "Non-confidential configuration data as key/value pairs, for pods to consume.", {
    data: stringMap("UTF-8 configuration data; keys are alphanumerics, '-', '_' or '.'."),
    binaryData: { description: "Binary configuration data, base64 encoded; keys must not overlap with data.", type: "object", additionalProperties: { type: "string", format: "byte" } },
    immutable: bool("If true, the data cannot be updated, only the object deleted and recreated."),
  }),
  [`io.k8s.api.coordination.v1.Lease`]: kindSchema(v1("Lease", "coordination.k8s.io"), "A lease on a shared resource, used for leader election and node heartbeats.", {
    spec: complete("The lease.", {
      holderIdentity: str("Identity of the current holder."),
      leaseDurationSeconds: int32("Seconds a candidate must wait before it may take the lease over, measured from renewTime."),
      acquireTime: time("When the current holder acquired the lease."),
      renewTime: time("When the current holder last renewed the lease."),
      leaseTransitions: int32("Number of times the lease changed holders."),
      strategy: str("Strategy used to pick a leader in coordinated leader election."),
      preferredHolder: str("Holder the lease should move to in coordinated leader election."),
    }),
  }),
};

const EVENT_SCHEMAS: Record<string, OpenApiSchema> = {
  [`${CORE}ObjectReference`]: partial("A reference to an object, enough to find it.", {
    apiVersion: str("API version of the referent."),
    kind: str("Kind of the referent."),
    namespace: str("Namespace of the referent."),
    name: str("Name of the referent."),
    uid: str("UID of the referent."),
    resourceVersion: str("Resource version of the referent the reference was made for."),
    fieldPath: str("A field inside the referent, e.g. spec.containers{name} for one container of a pod."),
  }),
  [`${CORE}Event`]: kindSchema(
    v1("Event"),
    "A report of something that happened to an object, e.g. a scheduling decision or a failed probe. Events are kept for a limited time.",
    {
      involvedObject: ref(`${CORE}ObjectReference`, "The object the event is about."),
      reason: str("Short CamelCase reason for the transition the event reports."),
      message: str("Human-readable description of the event."),
      type: oneOf(["Normal", "Warning"], "Type of the event."),
      source: complete("Who reported the event.", { component: str("Component that reported the event."), host: str("Node name where the event was generated.") }),
      count: int32("How many times the event has occurred."),
      firstTimestamp: time("When the event was first recorded."),
      lastTimestamp: time("When the event most recently occurred."),
      eventTime: time("When the event was first observed, with microsecond precision."),
      series: opaque("Data about an ongoing series of this event."),
      action: str("What action was taken or failed on the object."),
      related: ref(`${CORE}ObjectReference`, "A secondary object involved in the event."),
      reportingComponent: str("Controller that emitted the event, e.g. leaderworkerset.x-k8s.io/lws-controller."),
      reportingInstance: str("ID of the controller instance that emitted the event."),
    },
    ["metadata", "involvedObject"],
  ),
  [`io.k8s.api.events.v1.Event`]: kindSchema(
    v1("Event", "events.k8s.io"),
    "A report of something that happened in the cluster; the events.k8s.io form of the core Event, with the same data under clearer names.",
    {
      eventTime: time("When the event was first observed."),
      regarding: ref(`${CORE}ObjectReference`, "The object the event is about."),
      related: ref(`${CORE}ObjectReference`, "A secondary object involved in the event."),
      reason: str("Short CamelCase reason for the action."),
      note: str("Human-readable description of the event."),
      type: oneOf(["Normal", "Warning"], "Type of the event."),
      action: str("What action was taken or failed on the object."),
      reportingController: str("Controller that emitted the event."),
      reportingInstance: str("ID of the controller instance that emitted the event."),
      series: opaque("Data about an ongoing series of this event."),
      deprecatedSource: opaque("The core Event's source field."),
      deprecatedFirstTimestamp: time("The core Event's firstTimestamp field."),
      deprecatedLastTimestamp: time("The core Event's lastTimestamp field."),
      deprecatedCount: int32("The core Event's count field."),
    },
    ["eventTime"],
  ),
};

/** Every built-in schema, keyed by its upstream definition name. */
export const CORE_SCHEMAS: Readonly<Record<string, OpenApiSchema>> = {
  ...META_SCHEMAS,
  ...POD_SCHEMAS,
  ...STORAGE_SCHEMAS,
  ...WORKLOAD_SCHEMAS,
  ...SERVICE_SCHEMAS,
  ...CLUSTER_SCHEMAS,
  ...EVENT_SCHEMAS,
};
