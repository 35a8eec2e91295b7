import Link from "next/link";
import type { GroupGlance } from "@/lib/dashboard/view-models";
import { HEALTH_STYLE } from "../ui/health";

/** One segment per group, coloured by health; each links to its group. Aggregates beyond 200 groups. */
export function GroupBar({ groups, href }: { groups: GroupGlance[]; href: (group: GroupGlance) => string }) {
  if (groups.length > 200) return <AggregatedBar groups={groups} />;
  return (
    <ol className="flex h-4 w-full gap-px overflow-hidden rounded" aria-label="Groups by health">
      {groups.map((group) => {
        const style = HEALTH_STYLE[group.health];
        const label = `Group ${group.index}: ${style.label}, ${group.readyPods}/${group.size} pods ready${group.surge ? " (surge)" : ""}`;
        return (
          <li key={group.index} className="min-w-[3px] flex-1">
            <Link href={href(group)} title={label} aria-label={label} className={`block h-full ${style.fill} ${group.surge ? "opacity-60" : ""} focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500`} />
          </li>
        );
      })}
    </ol>
  );
}

function AggregatedBar({ groups }: { groups: GroupGlance[] }) {
  const counts = new Map<GroupGlance["health"], number>();
  for (const group of groups) counts.set(group.health, (counts.get(group.health) ?? 0) + 1);
  return (
    <div className="flex h-4 w-full overflow-hidden rounded" role="img" aria-label={[...counts].map(([h, n]) => `${n} ${HEALTH_STYLE[h].label}`).join(", ")}>
      {[...counts].map(([health, n]) => (
        <div key={health} className={HEALTH_STYLE[health].fill} style={{ width: `${(100 * n) / groups.length}%` }} title={`${n} groups ${HEALTH_STYLE[health].label}`} />
      ))}
    </div>
  );
}
