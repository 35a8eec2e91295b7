"use client";

import { yaml } from "@codemirror/lang-yaml";
import CodeMirror from "@uiw/react-codemirror";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { EXAMPLES } from "@/lib/lws/examples";
import { parseManifest, placeErrors, type ManifestProblem } from "@/lib/lws/manifest";

interface StatusBody {
  message?: string;
  details?: { causes?: Array<{ field?: string; message?: string }> };
}

/** `/lws/new`: a YAML editor checked with the server's own rules as you type, examples, and create. */
export function LwsEditor() {
  const router = useRouter();
  const [source, setSource] = useState(EXAMPLES[0].yaml);
  const [serverProblems, setServerProblems] = useState<ManifestProblem[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const parsed = useMemo(() => parseManifest(source), [source]);
  const problems = [...parsed.problems, ...serverProblems];
  const create = async () => {
    if (!parsed.object || parsed.problems.length > 0) return;
    setSubmitting(true);
    const res = await fetch("/api/lws", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.object) });
    setSubmitting(false);
    if (res.ok) {
      const created = (await res.json()) as { metadata: { namespace: string; name: string } };
      router.push(`/lws/${encodeURIComponent(created.metadata.namespace)}/${encodeURIComponent(created.metadata.name)}`);
      return;
    }
    const status = (await res.json()) as StatusBody;
    const causes = status.details?.causes?.map((c) => ({ field: c.field, message: c.message ?? "" })) ?? [];
    setServerProblems(causes.length ? placeErrors(source, causes) : [{ message: status.message ?? `request failed with ${res.status}` }]);
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New LeaderWorkerSet</h1>
      <section aria-labelledby="examples-heading">
        <h2 id="examples-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">Examples</h2>
        <ul className="mt-2 flex flex-wrap gap-2">
          {EXAMPLES.map((example) => (
            <li key={example.id}>
              <button type="button" onClick={() => { setSource(example.yaml); setServerProblems([]); }} title={example.description} className="rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800">
                {example.title}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="overflow-hidden rounded-lg border border-slate-300 dark:border-slate-700">
          <CodeMirror value={source} height="520px" extensions={[yaml()]} onChange={(value) => { setSource(value); setServerProblems([]); }} aria-label="LeaderWorkerSet YAML" basicSetup={{ lineNumbers: true, foldGutter: true }} />
        </div>
        <aside aria-label="Checks" className="space-y-3">
          <h2 className="font-semibold">{problems.length === 0 ? "No problems found" : `${problems.length} problem${problems.length > 1 ? "s" : ""}`}</h2>
          <ul className="space-y-2 text-sm" aria-live="polite">
            {problems.map((p, i) => (
              <li key={i} className="rounded border border-red-300 bg-red-50 p-2 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
                {p.line !== undefined && <span className="font-mono">line {p.line}: </span>}
                {p.field && <span className="font-mono">{p.field}: </span>}
                {p.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void create()} disabled={problems.length > 0 || submitting} className="w-full rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:bg-slate-400 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500">
            {submitting ? "Creating…" : "Create"}
          </button>
        </aside>
      </div>
    </div>
  );
}
