/**
 * Task links (store/link.ts) as chains of appearances: what `task history`
 * shows and what `status` follows to a task's latest appearance.
 */
import type { TaskLink } from '../store/types.ts';

/** Links as two lookups: the tasks each one continues, and those continuing it. */
export interface Chains {
  earlierOf: ReadonlyMap<string, readonly TaskLink[]>;
  laterOf: ReadonlyMap<string, readonly TaskLink[]>;
}

export function chains(links: readonly TaskLink[]): Chains {
  const earlierOf = new Map<string, TaskLink[]>();
  const laterOf = new Map<string, TaskLink[]>();
  const add = (m: Map<string, TaskLink[]>, key: string, l: TaskLink) => (m.get(key) ?? m.set(key, []).get(key)!).push(l);
  for (const l of links) {
    add(earlierOf, l.later, l);
    add(laterOf, l.earlier, l);
  }
  return { earlierOf, laterOf };
}

/** The ids reachable from `id` through `next`, `id` left out; a visited set, should links ever loop. */
function reach(id: string, next: (id: string) => string[]): string[] {
  const seen = new Set([id]);
  const todo = [id];
  for (let at = todo.pop(); at !== undefined; at = todo.pop()) {
    for (const other of next(at)) {
      if (seen.has(other)) continue;
      seen.add(other);
      todo.push(other);
    }
  }
  seen.delete(id);
  return [...seen];
}

const earlier = (c: Chains, id: string) => (c.earlierOf.get(id) ?? []).map((l) => l.earlier);
const later = (c: Chains, id: string) => (c.laterOf.get(id) ?? []).map((l) => l.later);

/** Every task `id` continues, however far back. */
export const ancestors = (c: Chains, id: string): string[] => reach(id, (at) => earlier(c, at));

/** The task and every task linked to it either way: its appearances. */
export const chainOf = (c: Chains, id: string): string[] => [id, ...reach(id, (at) => [...earlier(c, at), ...later(c, at)])];
