import type { GroupView } from "../groups";
import type { PodView } from "../view-models";

/** The group's pods, leader first. */
export function podsOf(group: GroupView): PodView[] {
  return [group.leader, ...group.workers].filter((p): p is PodView => p !== undefined);
}

/** "1 pod" / "3 pods". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
