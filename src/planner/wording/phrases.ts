/** Phrases several entries of the catalog share: lists of paths, Serve effects, how worker groups moved. */
import type { ServeEffect } from '../../serve/serve-config.js';

/** "a, b, c, d and 3 more" (duplicates once). */
export function summarizePaths(paths: readonly string[], max = 4): string {
  const uniq = [...new Set(paths)];
  return uniq.length <= max ? uniq.join(', ') : `${uniq.slice(0, max).join(', ')} and ${uniq.length - max} more`;
}

/** What Ray Serve does with one kind of Serve change. */
export const SERVE_EFFECT_WORDS: Readonly<Record<ServeEffect, string>> = {
  'app-added': 'new application deployed',
  'app-removed': 'application deleted',
  'app-redeployed': 'application redeployed: its replicas restart',
  'app-route': 'route changed, no restart',
  'deployment-added': 'new deployment started',
  'deployment-removed': 'deployment deleted',
  'deployment-reconfigured': 'reconfigured in place, no restart',
  'deployment-scaled': 'replicas scaled, no restart',
  'deployment-restarted': "deployment's replicas replaced",
  'serve-fixed-at-start': 'Ray Serve keeps the HTTP/gRPC options it started with: not applied to a running cluster',
  'serve-options': 'Serve options updated',
};

/** A changed Serve path (`applications[app].deployments[d].num_replicas`) and its effect. */
export interface ServeApp {
  readonly path: string;
  readonly effect: ServeEffect;
}

export function serveApps(apps: readonly ServeApp[]): string {
  return summarizePaths(
    apps.map((a) => `${a.path}: ${SERVE_EFFECT_WORDS[a.effect]}`),
    3,
  );
}

/** How the worker groups moved between base and head (names as written). */
export interface WorkerGroupMoves {
  /** One group renamed in place: [from, to]. */
  readonly renamed?: readonly [string, string];
  readonly removed: readonly string[];
  /** The groups both sides have are in another order. */
  readonly reordered: boolean;
  readonly added: readonly string[];
  /** Where the added groups are: at the end (with other groups changed too), before existing groups, or just added. */
  readonly addedAs?: 'appended-with-changes' | 'inserted' | 'added';
}

const groupsWord = (names: readonly string[]) => `worker group${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}`;

export function workerGroupMovesWords(m: WorkerGroupMoves): string[] {
  if (m.renamed) return [`worker group "${m.renamed[0]}" renamed to "${m.renamed[1]}" (a rename is not an append)`];
  const out: string[] = [];
  if (m.removed.length) out.push(`${groupsWord(m.removed)} removed (removal always needs a new cluster)`);
  if (m.reordered) out.push('worker groups reordered (order is part of the hash)');
  if (m.addedAs === 'appended-with-changes') out.push(`${groupsWord(m.added)} appended, but existing groups changed too, so it is not a pure append`);
  else if (m.addedAs === 'inserted') out.push(`${groupsWord(m.added)} inserted before existing groups`);
  else if (m.addedAs === 'added') out.push(`${groupsWord(m.added)} added`);
  return out;
}
