/**
 * Sorts a short array in place by insertion; longer ones go to Array.prototype.sort. V8's sort
 * copies every array it sorts into a scratch array first, and the bookkeeping of field trees
 * sorts millions of arrays of a few keys each: that copy was 7% of all the memory a busy
 * cluster allocated. The order is the same: by `compare`, or by UTF-16 code units without one.
 */
export function sortShort<T>(items: T[], compare?: (a: T, b: T) => number): T[] {
  if (items.length > 16) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    while (j >= 0 && (compare ? compare(items[j], item) > 0 : String(items[j]) > String(item))) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
