/**
 * Why no node takes a pod, from its own requests and the nodes as they are: labels its
 * nodeSelector or node affinity asks for that no node has, nodes it may not use (cordoned,
 * NotReady, tainted), and per resource the most any node has free.
 */
import { matchesLabels, selectorToString } from "@/lib/k8s/label-selector";
import type { PodDemand } from "../capacity-demand";
import type { Exclusion, NodePool } from "../capacity-nodes";
import { amountsText, EXCLUSION_TEXT, exclusionCounts, resourceShortfalls } from "../capacity-reasons";
import { plural } from "./group-pods";

/** What stops the pod, and the fix for each reason. */
export interface NodeFindings {
  reasons: string[];
  fixes: string[];
}

const EXCLUSION_FIX: Record<Exclusion, string> = {
  cordoned: "uncordon the cordoned nodes (kubectl uncordon)",
  "not ready": "bring the NotReady nodes back",
  tainted: "tolerate the nodes' taints or remove them",
  nodeSelector: "label nodes to match the template's nodeSelector, or change it",
  "node affinity": "label nodes to match the template's node affinity, or change it",
};

const RESOURCE_FIX = "add nodes or free room (scale down other workloads), or lower the pods' requests";

/** Labels no node of the cluster has: the plainest reason there is. */
function missingLabels(pool: NodePool, pod: PodDemand): NodeFindings {
  const reasons = Object.entries(pod.nodeSelector)
    .filter(([key, value]) => !pool.nodes.some((n) => n.labels[key] === value))
    .map(([key, value]) => `no node has label ${key}=${value}`);
  const affinity = pod.nodeAffinity;
  if (affinity && !pool.nodes.some((n) => affinity.some((term) => matchesLabels(term, n.labels)))) {
    reasons.push(`no node matches its required node affinity (${affinity.map(selectorToString).join(" or ") || "no terms"})`);
  }
  const fixes = [reasons.some((r) => r.includes(" label ")) ? EXCLUSION_FIX.nodeSelector : "", reasons.some((r) => r.includes("affinity")) ? EXCLUSION_FIX["node affinity"] : ""];
  return { reasons, fixes: fixes.filter(Boolean) };
}

/** Nodes out of use that would add room once back: worth saying next to a shortage. */
function withUnusable(findings: NodeFindings, counts: Map<Exclusion, number>): NodeFindings {
  const down = [...counts].filter(([why]) => why === "cordoned" || why === "not ready" || why === "tainted");
  if (down.length === 0) return findings;
  const total = down.reduce((t, [, n]) => t + n, 0);
  const parts = down.map(([why, n]) => `${n} ${EXCLUSION_TEXT[why]}`).join(", ");
  return { reasons: [...findings.reasons, `${plural(total, "more node")} it may not use (${parts})`], fixes: [...findings.fixes, ...down.map(([why]) => EXCLUSION_FIX[why])] };
}

/** `where`: " in rack-b1" when the pod is held to some nodes, "" otherwise. */
export function nodeFindings(pool: NodePool, pod: PodDemand, scope: readonly number[], where: string): NodeFindings {
  if (scope.length === 0) return { reasons: [`there are no nodes${where}`], fixes: ["add nodes"] };
  const missing = missingLabels(pool, pod);
  if (missing.reasons.length > 0) return missing;
  const usable = scope.filter((i) => pool.eligible(i, pod));
  if (usable.length === 0) {
    const counts = exclusionCounts(pool, pod, scope);
    const parts = [...counts].map(([why, n]) => `${n} ${EXCLUSION_TEXT[why]}`);
    return { reasons: [`no node${where} may run it: of ${plural(scope.length, "node")}, ${parts.join(", ")}`], fixes: [...counts.keys()].map((why) => EXCLUSION_FIX[why]) };
  }
  const shortfalls = resourceShortfalls(pool, pod, usable);
  if (shortfalls.length > 0) {
    const reasons = shortfalls.map((s) =>
      s.resource === "pod slot" ? `no node${where} has a free pod slot` : `no node${where} has ${s.want} free ${s.resource}; the most free on one node is ${s.most} (${s.node})`,
    );
    return withUnusable({ reasons, fixes: [RESOURCE_FIX] }, exclusionCounts(pool, pod, scope));
  }
  const room = usable.find((i) => pool.fits(i, pod));
  if (room === undefined) return { reasons: [`no node${where} has ${amountsText(pod.requests)} free at once`], fixes: [RESOURCE_FIX] };
  return { reasons: [`${pool.nodes[room].name} has room for it now`], fixes: [] };
}
