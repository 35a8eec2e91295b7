/**
 * Faults a person can inject into a cluster to watch the LeaderWorkerSet controller recover.
 * The dashboard calls this interface; the embedded cluster implements every fault by writing
 * the objects its simulated kubelets and controllers react to (server/cluster/faults.ts).
 */
export interface FaultInjector {
  /** kills a container (the first one when none is named); the kubelet restarts it per restartPolicy */
  crashContainer(namespace: string, pod: string, container?: string): Promise<void>;
  /** moves a pod to phase Failed with `reason` (default "Error"), its containers terminated */
  failPod(namespace: string, pod: string, reason?: string): Promise<void>;
  /** a graceful delete, as `kubectl delete pod` */
  deletePod(namespace: string, pod: string): Promise<void>;
  /** marks a node Ready or NotReady; a NotReady node gets NoExecute taints and its pods are evicted */
  setNodeReady(node: string, ready: boolean): Promise<void>;
  /** `kubectl cordon` */
  cordon(node: string): Promise<void>;
  /** `kubectl uncordon` */
  uncordon(node: string): Promise<void>;
  /** `kubectl drain`: cordons, then evicts every pod on the node not owned by a DaemonSet; resolves to the evicted pods ("namespace/name") */
  drain(node: string): Promise<string[]>;
}
