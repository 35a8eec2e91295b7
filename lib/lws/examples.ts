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
