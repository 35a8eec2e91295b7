import { addPod, NO_USAGE, occupies } from "@/lib/dashboard/node-usage";
import { podTone, type PodTone, type ToneCounts } from "@/lib/dashboard/pod-tone";
import type { PodView, ResourceAmounts } from "@/lib/dashboard/view-models";
import type { TallyRule } from "./node-tally";

/** NodeView.requested: what the node's pods that hold room ask for, and how many they are. */
export const REQUESTED: TallyRule<PodView, ResourceAmounts> = {
  partOf: (pod) => (occupies(pod) ? { node: pod.nodeName, part: pod } : undefined),
  samePart: (a, b) => a.requests.cpu === b.requests.cpu && a.requests.memory === b.requests.memory && a.requests.gpu === b.requests.gpu,
  add: (total, pod, sign) => {
    const sum = addPod(total ?? NO_USAGE, pod, sign);
    // Sums of fractions of a core drift: a node without pods starts again from nothing.
    return sum.pods === 0 ? undefined : sum;
  },
};

/** The node's pods, wherever they are in their lives, counted by state: the cluster page's picture of a large cluster. */
export const TONES: TallyRule<PodTone, ToneCounts> = {
  partOf: (pod) => (pod.nodeName ? { node: pod.nodeName, part: podTone(pod) } : undefined),
  samePart: (a, b) => a === b,
  add: (total, tone, sign) => {
    const counts = { ...total };
    const count = (counts[tone] ?? 0) + sign;
    if (count > 0) counts[tone] = count;
    else delete counts[tone];
    return Object.keys(counts).length > 0 ? counts : undefined;
  },
};
