import { describe, expect, it } from "vitest";
import { matchesFilter } from "@/lib/dashboard/stream-filter";
import { claim, event, lws as lwsView, pod as podView, sts } from "@/lib/dashboard/diagnosis/test-views";
import type { ProjectedKind, ViewsByKind } from "@/lib/dashboard/view-models";
import { LABELS } from "@/lib/lws/constants";
import { ViewIndex } from "./view-index";

// Names that share prefixes, as LWS names often do: `a` and `a-b` are both LWSes.
const NAMES = ["a", "a-b", "ab", "b"];
const NAMESPACES = ["default", "team"];

function views(namespace: string): { [K in Exclude<ProjectedKind, "node">]: Array<ViewsByKind[K]> } {
  const lws = NAMES.map((name) => ({ ...lwsView({}, name), metadata: { name, namespace } }));
  const pod = [...NAMES.flatMap((l) => [podView(0, 0, { namespace, name: `${l}-0`, lws: l }), podView(0, 1, { namespace, name: `${l}-0-1`, lws: l })]), podView(0, 0, { namespace, name: "plain", lws: undefined })];
  const statefulset = NAMES.flatMap((l) => [l, `${l}-0`].map((name) => sts(name, { namespace, labels: { [LABELS.name]: l } })));
  const pvc = NAMES.map((l) => claim(`${l}-0`, { namespace, labels: { [LABELS.name]: l } }));
  const about = (kind: string, name: string) => event({ namespace, name: `${kind}.${name}`, reason: "Started", message: name, involved: { kind, name } });
  const event_ = NAMES.flatMap((l) => [about("LeaderWorkerSet", l), about("Pod", `${l}-0-1`), about("StatefulSet", `${l}-0`), about("PersistentVolumeClaim", `data-${l}-0-1`)]);
  return { lws, pod, statefulset, pvc, event: event_ };
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
    const pod = podView(0, 0, { name: "a-0", lws: "a" });
    index.add("pod", "default/a-0", pod);
    index.add("statefulset", "default/a-0", sts("a-0"));
    expect(index.select("pod", { namespace: "default", lws: "a" })).toEqual([pod]);
    index.remove("pod", "default/a-0", pod);
    expect(index.select("pod", { namespace: "default", lws: "a" })).toEqual([]);
    expect(index.select("statefulset", { namespace: "default", lws: "a" })).toHaveLength(1);
    expect(index.select("statefulset", { namespace: "default", lws: "b" })).toEqual([]);
  });
});
