/**
 * Cross-validation folds that keep one event's stories together, so a fold is never scored on
 * a rewrite of a story it trained on. The corpora name the event only in `recent.jsonl`; elsewhere
 * stories of one day (the RUWA dates carry the day only) and stories with the same headline
 * opening are taken as one group — coarser than an event, which only makes the folds stricter.
 */
export interface GroupableItem {
  id: string;
  title: string;
  published?: string | undefined;
  event?: string | undefined;
}

export function assignFolds(items: readonly GroupableItem[], k: number): number[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  const firstWithKey = new Map<string, number>();
  items.forEach((item, i) => {
    for (const key of groupKeys(item)) {
      const j = firstWithKey.get(key);
      if (j === undefined) firstWithKey.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = find(i);
    const members = groups.get(root) ?? [];
    members.push(i);
    groups.set(root, members);
  });
  // Largest groups first, each to the fold with fewest items: balanced and deterministic.
  const ordered = [...groups.values()].sort(
    (a, b) => b.length - a.length || (items[a[0] ?? 0]?.id ?? '').localeCompare(items[b[0] ?? 0]?.id ?? ''),
  );
  const sizes = new Array<number>(k).fill(0);
  const fold = new Array<number>(items.length).fill(0);
  for (const members of ordered) {
    let target = 0;
    for (let f = 1; f < k; f++) if ((sizes[f] ?? 0) < (sizes[target] ?? 0)) target = f;
    for (const i of members) fold[i] = target;
    sizes[target] = (sizes[target] ?? 0) + members.length;
  }
  return fold;
}

/** The keys that put two stories in one group (event, day, headline opening). */
export function groupKeys(item: GroupableItem): string[] {
  const keys: string[] = [];
  if (item.event !== undefined && item.event.length > 0) keys.push(`event:${item.event}`);
  else if (item.published !== undefined && item.published.length >= 10) keys.push(`day:${item.published.slice(0, 10)}`);
  const words = item.title.toLowerCase().match(/[a-z\u0400-\u04ff0-9]+/g) ?? [];
  if (words.length >= 4) keys.push(`title:${words.slice(0, 8).join(' ')}`);
  return keys;
}
