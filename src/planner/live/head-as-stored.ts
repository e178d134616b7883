/**
 * The head manifest as the API server would store it: the server-side dry run's object (CRD
 * defaults of the installed CRD, canonical quantities, fields kept from other field managers) where
 * the dry run succeeded, else Git's head; with what the dry run said, for the plan's cluster view.
 */
import type { KubeRayRelease } from '../../kuberay/releases.js';
import type { RayServiceManifest } from '../../manifests/rayservice.js';
import type { PathSegment } from '../../manifests/yaml-documents.js';
import { type Note, note, type ServiceClusterView } from '../types.js';
import { keptByApply } from './drift.js';
import { dryRunErrors } from './dry-run-errors.js';
import type { DryRunOutcome } from './facts.js';

export type DryRunView = Pick<ServiceClusterView, 'dryRun' | 'dryRunErrors' | 'keptByApply'>;

export interface StoredHead {
  /** Git's head object itself (the same reference) unless the dry run replaced its spec. */
  readonly head: RayServiceManifest | undefined;
  readonly dryRunView: DryRunView;
}

/** Notes on what the apply keeps or conflicts with, and why the dry run did not run, go into `notes`. */
export function headAsStored(gitHead: RayServiceManifest | undefined, dryRun: DryRunOutcome | undefined, release: KubeRayRelease, notes: Note[]): StoredHead {
  const notRun: DryRunView = { dryRun: 'not-run', dryRunErrors: [], keptByApply: [] };
  if (!gitHead || !dryRun) return { head: gitHead, dryRunView: notRun };
  if (dryRun.ok === false) {
    return { head: gitHead, dryRunView: { dryRun: 'refused', dryRunErrors: dryRunErrors(dryRun, lineInManifest(gitHead)), keptByApply: [] } };
  }
  if (dryRun.ok === 'not-run') {
    notes.push(note('live.no-dry-run', dryRun.why));
    return { head: gitHead, dryRunView: notRun };
  }
  const kept = keptByApply(gitHead.object.spec as Record<string, unknown>, dryRun.object, release.minor);
  if (kept.length) {
    notes.push(note('live.apply-keeps-fields', { fields: kept }));
  }
  if (dryRun.conflict) notes.push(note('live.apply-conflict', { conflict: dryRun.conflict }));
  return {
    head: { ...gitHead, object: { ...gitHead.object, spec: dryRun.object.spec } },
    dryRunView: { dryRun: 'ok', dryRunErrors: [], keptByApply: kept },
  };
}

/** Line of a path under the manifest's object, for errors and drift that name the Git line. */
export function lineInManifest(m: RayServiceManifest): (path: readonly PathSegment[]) => number {
  return (p) => m.source.lineOf([...m.pathInDocument, ...p]);
}
