export const dynamic = "force-dynamic";

export default function OverviewPage() {
  return (
    <main className="mx-auto max-w-4xl p-8">
      <h1 className="text-2xl font-semibold">LWS Console</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        The embedded cluster is serving the Kubernetes API under <code className="font-mono">/k8s</code>.
      </p>
      <section aria-labelledby="kubectl-heading" className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <h2 id="kubectl-heading" className="font-medium">
          Use kubectl
        </h2>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 font-mono text-sm dark:bg-slate-900">
          export KUBECONFIG=$LWS_DATA_DIR/kubeconfig{"\n"}kubectl get lws
        </pre>
      </section>
    </main>
  );
}
