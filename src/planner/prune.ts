/**
 * Prune, the opt-in deletion of RayServices removed from Git: which ones apply may delete, and
 * whether a live object is ours to delete. Pure: the plan and the object read from the cluster in,
 * a decision out; src/kube/apply.ts reads and deletes.
 *
 * Ours means: its managedFields hold an `Apply` entry of our field manager, i.e. a server-side apply
 * by this tool (with the same --field-manager) wrote it. A RayService created by kubectl, Helm or
 * another controller under the same name is never deleted because a manifest left Git.
 */
import { isPlainObject } from '../util/objects.js';
import type { ServicePlan } from './types.js';
import { type NotOurs, notOursWords } from './wording/index.js';

/** A manifest that was in base and is not in head (a suspend is a `delete` too, but stays in Git). */
export function isRemovedFromGit(s: Pick<ServicePlan, 'change' | 'manifest'>): boolean {
  return s.change === 'delete' && s.manifest === 'removed';
}

export type PruneDecision =
  /** Applied by our field manager: delete it. */
  | { readonly action: 'delete'; readonly uid?: string }
  /** Not there (any more): nothing to do. */
  | { readonly action: 'gone' }
  /** Someone else's: left running; `whose` says whose (the `prune.not-ours` data), `note` in words. */
  | { readonly action: 'skip'; readonly whose: NotOurs; readonly note: string };

/** How many field managers a note names; a hostile object may list thousands. */
const MAX_MANAGERS = 4;
const MAX_NAME = 64;

/** `live`: the RayService as read from the API server, null when it does not exist. */
export function pruneDecision(live: { readonly metadata?: unknown } | null, fieldManager: string): PruneDecision {
  if (live === null) return { action: 'gone' };
  const meta = isPlainObject(live.metadata) ? live.metadata : {};
  const entries = managedFieldsOf(meta.managedFields);
  if (entries.some((e) => e.manager === fieldManager && e.operation === 'Apply')) {
    return typeof meta.uid === 'string' ? { action: 'delete', uid: meta.uid } : { action: 'delete' };
  }
  const whose = notOurs(entries, fieldManager);
  return { action: 'skip', whose, note: notOursWords(whose) };
}

interface ManagerEntry {
  readonly manager: string;
  readonly operation: string;
}

function managedFieldsOf(v: unknown): ManagerEntry[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isPlainObject).map((e) => ({
    manager: typeof e.manager === 'string' ? e.manager : '',
    operation: typeof e.operation === 'string' ? e.operation : '',
  }));
}

function notOurs(entries: readonly ManagerEntry[], fieldManager: string): NotOurs {
  const named = [...new Set(entries.map((e) => `${cut(e.manager || '(unnamed)')} (${cut(e.operation || '?')})`))];
  return { fieldManager, managers: named.slice(0, MAX_MANAGERS), more: Math.max(0, named.length - MAX_MANAGERS) };
}

function cut(text: string): string {
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;
}
