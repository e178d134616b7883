/** How worker groups moved between base and head, as data: the words are wording/phrases.ts's. */
import { isPlainObject } from '../util/objects.js';
import type { WorkerGroupMoves } from './wording/index.js';

/** Removed, renamed, reordered, appended or inserted groups, by name. */
export function workerGroupMoves(base: Record<string, unknown>, head: Record<string, unknown>): WorkerGroupMoves {
  const names = (c: Record<string, unknown>) =>
    (Array.isArray(c.workerGroupSpecs) ? c.workerGroupSpecs : []).map((g) => String(isPlainObject(g) ? g.groupName : ''));
  const a = names(base);
  const b = names(head);
  const removed = a.filter((n) => !b.includes(n));
  const added = b.filter((n) => !a.includes(n));
  if (removed.length === 1 && added.length === 1 && a.length === b.length && a.indexOf(removed[0]!) === b.indexOf(added[0]!)) {
    return { renamed: [removed[0]!, added[0]!], removed: [], reordered: false, added: [] };
  }
  const common = a.filter((n) => b.includes(n));
  const commonInHead = b.filter((n) => a.includes(n));
  const reordered = common.join('\u0000') !== commonInHead.join('\u0000');
  const appendedAtEnd = added.length > 0 && b.slice(b.length - added.length).every((n) => added.includes(n));
  const addedAs = !added.length ? undefined : !appendedAtEnd ? 'inserted' : removed.length ? 'added' : 'appended-with-changes';
  return { removed, reordered, added, ...(addedAs ? { addedAs } : {}) };
}
