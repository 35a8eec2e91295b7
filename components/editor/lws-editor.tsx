"use client";

import { yaml } from "@codemirror/lang-yaml";
import CodeMirror from "@uiw/react-codemirror";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useDeferredValue, useMemo, useState } from "react";
import { useCluster } from "@/components/stream/use-cluster";
import { Tabs } from "@/components/ui/tabs";
import { checkCapacity } from "@/lib/dashboard/capacity";
import type { ClusterState } from "@/lib/dashboard/cluster-state";
import { deepEqual } from "@/lib/k8s/deep-equal";
import { rebase } from "@/lib/k8s/rebase";
import type { KubeObject } from "@/lib/k8s/types";
import { planChange } from "@/lib/lws/change-plan";
import { EXAMPLES } from "@/lib/lws/examples";
import { applyTheirChanges, editableManifest, manifestYaml } from "@/lib/lws/live-manifest";
import { parseManifest, type ManifestProblem } from "@/lib/lws/manifest";
import { applyManifest, type ApplyTarget } from "./apply-manifest";
import { ChangePreview } from "./change-preview";
import { ExamplesGallery } from "./examples-gallery";
import { LwsForm } from "./lws-form";
import { ManifestDiff } from "./manifest-diff";
import { ProblemList } from "./problem-list";
import { RebaseBanner } from "./rebase-banner";
import { useEditBase } from "./use-edit-base";
import { useSettledNamespace } from "./use-settled-namespace";

const EDITOR_TABS = ["form", "yaml", "diff"] as const;
type EditorTab = (typeof EDITOR_TABS)[number];
const TAB_TITLES: Record<EditorTab, string> = { form: "Form", yaml: "YAML", diff: "Diff" };

export interface LwsEditorProps {
  /** the LWS to edit; without it the editor creates a new one */
  edit?: { namespace: string; name: string };
}

function keyOf(object: KubeObject | undefined): string {
  return object ? `${object.metadata?.namespace ?? "default"}/${object.metadata?.name ?? ""}` : "";
}

/** Node label keys to offer as topology keys: the ones LWS users place by first, then the rest. */
function labelKeys(state: ClusterState): string[] {
  const keys = new Set<string>();
  for (const node of state.node.values()) for (const key of Object.keys(node.labels)) keys.add(key);
  const first = ["rack", "topology.kubernetes.io/zone", "kubernetes.io/hostname"].filter((k) => keys.has(k));
  return [...first, ...[...keys].filter((k) => !first.includes(k)).sort()];
}

/** What applying the manifest would do, and whether it fits: computed in the browser from the stream. */
function usePreview(object: KubeObject | undefined, valid: boolean, live: KubeObject | undefined, state: ClusterState) {
  const deferred = useDeferredValue(object);
  return useMemo(() => {
    if (!deferred || !valid) return undefined;
    return { plan: planChange(live, deferred), capacity: checkCapacity(deferred, [...state.node.values()], [...state.pod.values()]) };
  }, [deferred, valid, live, state.node, state.pod]);
}

/**
 * `/lws/new` and `/lws/<ns>/<name>/edit`: a form and a YAML editor over one manifest text,
 * checked with the server's own rules as you type, with a diff against the live object, what
 * applying will do, whether it fits, and optimistic concurrency with rebase on conflict.
 */
export function LwsEditor({ edit }: LwsEditorProps) {
  const router = useRouter();
  const [source, setSource] = useState(edit ? "" : EXAMPLES[0].yaml);
  const [tab, setTab] = useState<EditorTab>("form");
  const [serverProblems, setServerProblems] = useState<ManifestProblem[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const parsed = useMemo(() => parseManifest(source), [source]);
  const object = parsed.object;
  // An edit is about one LWS; a new one's name must be free in its namespace, and its placement weighs that namespace's pods.
  const namespace = useSettledNamespace(edit?.namespace ?? object?.metadata?.namespace ?? "default");
  const { data: state, loaded } = useCluster(edit ? { namespace: edit.namespace, lws: edit.name } : { namespace });
  const live = state.lws.get(edit ? `${edit.namespace}/${edit.name}` : keyOf(object));
  const tracking = useEditBase(edit ? live : undefined, (base) => setSource(manifestYaml(base.manifest)));
  const preview = usePreview(object, loaded && parsed.problems.length === 0, edit ? live : undefined, state);
  const nodeLabelKeys = useMemo(() => labelKeys(state), [state]);
  const problems = [...parsed.problems, ...serverProblems];
  const change = (next: string) => {
    setSource(next);
    setServerProblems([]);
  };
  const pending = tracking.theirs && tracking.base ? rebase(tracking.base.manifest, object ?? tracking.base.manifest, tracking.theirs) : undefined;
  const onRebase = () => {
    if (pending) change(applyTheirChanges(source, pending.changes));
    tracking.adoptLive();
  };

  if (edit && !tracking.base) return <p className="text-slate-600 dark:text-slate-300">{loaded ? `LeaderWorkerSet ${edit.namespace}/${edit.name} not found.` : "Loading…"}</p>;
  const exists = !edit && !!live;
  const target: ApplyTarget = edit && tracking.base ? { mode: "update", ...edit, resourceVersion: tracking.base.resourceVersion } : { mode: "create" };
  const apply = async () => {
    if (!object) return;
    setSubmitting(true);
    const result = await applyManifest(target, object, source);
    setSubmitting(false);
    if (result.ok) router.push(`/lws/${encodeURIComponent(result.object.metadata.namespace ?? "")}/${encodeURIComponent(result.object.metadata.name ?? "")}`);
    else setServerProblems(result.problems);
  };
  // Comments and layout are not kept by the API server: only a different object is a change.
  const unchanged = !!edit && !!live && !!object && deepEqual(object, editableManifest(live));
  const blocked = problems.length > 0 || submitting || exists || !!pending || (!!edit && !live) || unchanged;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{edit ? `Edit ${edit.namespace}/${edit.name}` : "New LeaderWorkerSet"}</h1>
      {!edit && <ExamplesGallery onPick={change} />}
      <div className="grid gap-4 lg:grid-cols-[1fr_24rem]">
        <div className="min-w-0">
          <Tabs label="Editor" id="editor" tabs={EDITOR_TABS} selected={tab} onSelect={setTab} title={(t) => TAB_TITLES[t]}>
            {tab === "form" && <LwsForm source={source} onChange={change} problems={problems} nodeLabelKeys={nodeLabelKeys} />}
            {tab === "yaml" && (
              <div className="overflow-hidden rounded-lg border border-slate-300 dark:border-slate-700">
                <CodeMirror value={source} height="560px" extensions={[yaml()]} onChange={change} aria-label="LeaderWorkerSet YAML" basicSetup={{ lineNumbers: true, foldGutter: true }} />
              </div>
            )}
            {tab === "diff" && <ManifestDiff before={live ? manifestYaml(editableManifest(live)) : ""} after={object ? manifestYaml(object) : source} beforeLabel={live ? "the live object" : "nothing: this creates it"} />}
          </Tabs>
        </div>
        <aside aria-label="Checks" className="space-y-4">
          {pending && <RebaseBanner rebase={pending} canRebase={!!object} onRebase={onRebase} />}
          {edit && !live && <p role="alert" className="text-red-700 dark:text-red-300">This LeaderWorkerSet was deleted meanwhile.</p>}
          <ProblemList problems={problems} />
          {exists && (
            <p className="text-sm">
              {keyOf(object)} already exists: <Link className="text-sky-700 underline dark:text-sky-300" href={`/lws/${keyOf(object)}/edit`}>edit it</Link> instead, or change the name.
            </p>
          )}
          {preview && !exists && <ChangePreview plan={preview.plan} capacity={preview.capacity} />}
          <button type="button" onClick={() => void apply()} disabled={blocked} className="w-full rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:bg-slate-400 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500">
            {submitting ? "Applying…" : unchanged ? "No changes to apply" : edit ? "Apply changes" : "Create"}
          </button>
        </aside>
      </div>
    </div>
  );
}
