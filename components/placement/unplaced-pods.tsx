import Link from "next/link";
import { plural } from "@/lib/dashboard/diagnosis/group-pods";
import { groupsText } from "@/lib/dashboard/group-ranges";
import type { PodView } from "@/lib/dashboard/view-models";

/**
 * The pods on no node yet, which a map of racks cannot show: counted, with their groups and the
 * way to why (the diagnosis), so a placement that looks complete is not taken for one.
 */
export function UnplacedPods({ pods, diagnosisHref }: { pods: readonly PodView[]; diagnosisHref: string }) {
  const unplaced = pods.filter((pod) => !pod.nodeName && !pod.deleting);
  if (unplaced.length === 0) return null;
  const groups = [...new Set(unplaced.flatMap((pod) => (pod.groupIndex === undefined ? [] : [pod.groupIndex])))].sort((a, b) => a - b);
  const unschedulable = unplaced.filter((pod) => pod.unschedulable !== undefined).length;
  return (
    <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      {plural(unplaced.length, "pod")} on no node yet{groups.length > 0 ? ` (${groupsText(groups)})` : ""}
      {unschedulable > 0 ? `, ${unschedulable} of them unschedulable` : ""}:{" "}
      <Link href={diagnosisHref} className="font-medium underline">
        why, in the diagnosis
      </Link>
    </p>
  );
}
