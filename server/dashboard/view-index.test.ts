import { describe, expect, it } from "vitest";
import { matchesFilter } from "@/lib/dashboard/stream-filter";
import type { EventView, PodView, ProjectedKind, PvcView, StatefulSetView, ViewsByKind } from "@/lib/dashboard/view-models";
import type { KubeObject } from "@/lib/k8s/types";
import { LABELS } from "@/lib/lws/constants";
import { ViewIndex } from "./view-index";

// Names that share prefixes, as LWS names often do: `a` and `a-b` are both LWSes.
const NAMES = ["a", "a-b", "ab", "b"];
const NAMESPACES = ["default", "team"];

function views(namespace: string): { [K in Exclude<ProjectedKind, "node">]: Array<ViewsByKind[K]> } {
  const lws = NAMES.map((name): KubeObject => ({ apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", metadata: { name, namespace } }));
  const pod = [...NAMES.flatMap((l) => [`${l}-0`, `${l}-0-1`].map((name) => ({ namespace, name, lws: l }) as PodView)), { namespace, name: "plain" } as PodView];
  const statefulset = NAMES.flatMap((l) => [l, `${l}-0`].map((name) => ({ namespace, name, labels: { [LABELS.name]: l } }) as StatefulSetView));
  const pvc = NAMES.map((l) => ({ namespace, name: `data-${l}-0`, labels: { [LABELS.name]: l } }) as PvcView);
  const about = (kind: string, name: string) => ({ namespace, name: `${kind}.${name}`, involved: { kind, name } }) as EventView;
  const event = NAMES.flatMap((l) => [about("LeaderWorkerSet", l), about("Pod", `${l}-0-1`), about("StatefulSet", `${l}-0`), about("PersistentVolumeClaim", `data-${l}-0-1`)]);
  return { lws, pod, statefulset, pvc, event };
}

describe("the hub's index of views by LWS", () => {
  it("selects exactly what scanning every view with the filter would", () => {
    const index = new ViewIndex();
    const all = NAMESPACES.map(views);
    const kinds = ["lws", "pod", "statefulset", "pvc", "event"] as const;
    for (const byKind of all) for (const kind of kinds) byKind[kind].forEach((view, i) => index.add(kind, `${kind}${i}${JSON.stringify(view)}`, view));
    for (const namespace of NAMESPACES) {
      for (const lws of NAMES) {
        const filter = { namespace, lws };
        for (const kind of kinds) {
          const scanned = all.flatMap((byKind) => (byKind[kind] as Array<ViewsByKind[typeof kind]>).filter((v) => matchesFilter(filter, kind, v)));
          expect(new Set(index.select(kind, filter)), `${kind} of ${namespace}/${lws}`).toEqual(new Set(scanned));
        }
      }
    }
  });

  it("forgets a view removed, and finds a StatefulSet under its own LWS only", () => {
    const index = new ViewIndex();
    const pod = { namespace: "default", name: "a-0", lws: "a" } as PodView;
    index.add("pod", "default/a-0", pod);
    index.add("statefulset", "default/a-0", { namespace: "default", name: "a-0", labels: {} } as unknown as StatefulSetView);
    expect(index.select("pod", { namespace: "default", lws: "a" })).toEqual([pod]);
    index.remove("pod", "default/a-0", pod);
    expect(index.select("pod", { namespace: "default", lws: "a" })).toEqual([]);
    expect(index.select("statefulset", { namespace: "default", lws: "a" })).toHaveLength(1);
    expect(index.select("statefulset", { namespace: "default", lws: "b" })).toEqual([]);
  });
});
