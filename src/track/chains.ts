/**
 * Task links (store/link.ts) as chains of appearances: what `task history`
 * shows and what `status` follows to a task's latest appearance.
 */
import type { TaskLink } from '../store/types.ts';

/** A stored task as links name it: its document's path and its id (documents without a number share ids). */
export const taskKey = (source: string, id: string) => `${source}\n${id}`;
export const idOfKey = (key: string) => key.slice(key.indexOf('\n') + 1);

/** Links as two lookups by task key: the tasks each one continues, and those continuing it. */
export interface Chains {
  earlierOf: ReadonlyMap<string, readonly TaskLink[]>;
  laterOf: ReadonlyMap<string, readonly TaskLink[]>;
}

export function chains(links: readonly TaskLink[]): Chains {
  const earlierOf = new Map<string, TaskLink[]>();
  const laterOf = new Map<string, TaskLink[]>();
  const add = (m: Map<string, TaskLink[]>, key: string, l: TaskLink) => (m.get(key) ?? m.set(key, []).get(key)!).push(l);
  for (const l of links) {
    add(earlierOf, taskKey(l.laterSource, l.later), l);
    add(laterOf, taskKey(l.earlierSource, l.earlier), l);
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

const earlier = (c: Chains, key: string) => (c.earlierOf.get(key) ?? []).map((l) => taskKey(l.earlierSource, l.earlier));
const later = (c: Chains, key: string) => (c.laterOf.get(key) ?? []).map((l) => taskKey(l.laterSource, l.later));

/** The keys of every task the one with `key` continues, however far back. */
export const ancestors = (c: Chains, key: string): string[] => reach(key, (at) => earlier(c, at));

/** The task and every task linked to it either way, by key: its appearances. */
export const chainOf = (c: Chains, key: string): string[] => [key, ...reach(key, (at) => [...earlier(c, at), ...later(c, at)])];
