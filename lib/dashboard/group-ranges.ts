/** "groups 0-5, 7" / "group 3": runs of group indexes as ranges, as the diagnosis and the overview name them. */
export function groupsText(indexes: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < indexes.length; i++) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    runs.push(j > i ? `${indexes[i]}-${indexes[j]}` : `${indexes[i]}`);
    i = j;
  }
  return `${indexes.length === 1 ? "group" : "groups"} ${runs.join(", ")}`;
}
