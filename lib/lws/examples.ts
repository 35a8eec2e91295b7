/**
 * The LWS concepts page's examples, verbatim where they are complete. Tests apply them with
 * kubectl; the editor's examples gallery will open them.
 */

/** "Running an Example LeaderWorkerSet": 3 groups of 4 pods. */
export const SAMPLE_LWS = `apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata:
  name: leaderworkerset-sample
spec:
  replicas: 3
  leaderWorkerTemplate:
    size: 4
    workerTemplate:
      spec:
        containers:
        - name: nginx
          image: nginxinc/nginx-unprivileged:1.27
          resources:
            limits:
              cpu: "100m"
            requests:
              cpu: "50m"
          ports:
          - containerPort: 8080
`;

const WORKER = `    workerTemplate:
      spec:
        containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.0
          resources:
            limits:
              nvidia.com/gpu: "8"
`;

function example(name: string, spec: string, annotations = ""): string {
  return `apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata:
  name: ${name}
${annotations ? `  annotations:\n${annotations}` : ""}spec:
${spec}`;
}

/**
 * One role of disaggregated serving (SGLang): prefill and decode run as two LWS that share the
 * app label and differ in the component label and ROLE; a router in front sends each request to both.
 */
function disaggregated(role: "prefill" | "decode"): string {
  return `apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata:
  name: llama-${role}
  labels:
    app.kubernetes.io/name: llama
    app.kubernetes.io/component: ${role}
  annotations:
    leaderworkerset.sigs.k8s.io/exclusive-topology: rack
spec:
  replicas: 2
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      metadata:
        labels:
          app.kubernetes.io/name: llama
          app.kubernetes.io/component: ${role}
      spec:
        containers:
        - name: sglang
          image: lmsysorg/sglang:v0.4.6.post1
          command: ["sh", "-c", "python3 -m sglang.launch_server --model-path meta-llama/Llama-3.1-70B-Instruct --disaggregation-mode $(ROLE) --tp 16 --dist-init-addr $(LWS_LEADER_ADDRESS):20000 --nnodes $(LWS_GROUP_SIZE) --node-rank $(LWS_WORKER_INDEX) --host 0.0.0.0 --port 30000"]
          env:
          - name: ROLE
            value: ${role}
          ports:
          - containerPort: 30000
          resources:
            limits:
              nvidia.com/gpu: "8"
`;
}

export interface LwsExample {
  id: string;
  title: string;
  description: string;
  yaml: string;
}

/** The examples gallery: every example of the concepts page, made complete enough to apply, and disaggregated serving's two LWS. */
export const EXAMPLES: readonly LwsExample[] = [
  { id: "sample", title: "Sample", description: "3 groups of 4 nginx pods", yaml: SAMPLE_LWS },
  {
    id: "multi-template",
    title: "Leader and worker templates",
    description: "the leader runs a different container than the workers",
    yaml: example("multi-template", `  replicas: 2
  leaderWorkerTemplate:
    size: 4
    leaderTemplate:
      spec:
        containers:
        - name: leader
          image: vllm/vllm-openai:v0.6.0
          command: ["sh", "-c", "ray start --head && vllm serve --tensor-parallel-size 8 --pipeline-parallel-size $(LWS_GROUP_SIZE)"]
${WORKER}`),
  },
  {
    id: "leader-ready",
    title: "Startup policy LeaderReady",
    description: "workers are created once the leader is Ready",
    yaml: example("leader-ready", `  startupPolicy: LeaderReady
  replicas: 3
  leaderWorkerTemplate:
    size: 4
${WORKER}`),
  },
  {
    id: "exclusive-rack",
    title: "One rack per group",
    description: "exclusive-topology: rack puts each group on a rack of its own",
    yaml: example("exclusive-rack", `  replicas: 3
  leaderWorkerTemplate:
    size: 4
${WORKER}`, "    leaderworkerset.sigs.k8s.io/exclusive-topology: rack\n"),
  },
  {
    id: "subgroups",
    title: "Sub-groups, one rack each",
    description: "subGroupSize 2 with subgroup-exclusive-topology: rack",
    yaml: example("subgroups", `  replicas: 3
  leaderWorkerTemplate:
    subGroupPolicy:
      subGroupSize: 2
    size: 4
${WORKER}`, "    leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology: rack\n"),
  },
  {
    id: "leader-excluded",
    title: "Leader outside the sub-groups",
    description: "subGroupPolicyType LeaderExcluded (the concepts page's LeaderOnly)",
    yaml: example("leader-excluded", `  replicas: 2
  leaderWorkerTemplate:
    subGroupPolicy:
      subGroupPolicyType: LeaderExcluded
      subGroupSize: 2
    size: 5
${WORKER}`),
  },
  {
    id: "volume-claims",
    title: "Volume claim templates",
    description: "a PersistentVolumeClaim per pod, mounted by leader and workers",
    yaml: example("lws", `  replicas: 2
  leaderWorkerTemplate:
    size: 2
    volumeClaimTemplates:
      - metadata:
          name: persistent-storage
        spec:
          storageClassName: default
          accessModes: ["ReadWriteOnce"]
          resources:
            requests:
              storage: 100Gi
    leaderTemplate:
      spec:
        containers:
          - name: leader
            image: nginx:1.27
            volumeMounts:
              - mountPath: /mnt/volume
                name: persistent-storage
    workerTemplate:
      spec:
        containers:
          - name: worker
            image: nginx:1.27
            volumeMounts:
              - mountPath: /mnt/volume
                name: persistent-storage
`),
  },
  {
    id: "disaggregated-prefill",
    title: "Disaggregated: prefill",
    description: "the prefill half of disaggregated serving, 2 groups of 2 pods with 8 GPUs each, one rack per group; create \"Disaggregated: decode\" too",
    yaml: disaggregated("prefill"),
  },
  {
    id: "disaggregated-decode",
    title: "Disaggregated: decode",
    description: "the decode half of disaggregated serving, 2 groups of 2 pods with 8 GPUs each, one rack per group; create \"Disaggregated: prefill\" too",
    yaml: disaggregated("decode"),
  },
];
