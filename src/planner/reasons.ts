/** Plain words for changes that the planner explains but the operator does not roll out. */
import type { KubeRayRelease } from '../kuberay/releases.js';
import { isPlainObject } from '../util/objects.js';

/** What a change to a RayService-level spec field (outside rayClusterConfig/serveConfigV2) does. */
export function describeRayServiceField(key: string, release: KubeRayRelease): string {
  switch (key) {
    case 'upgradeStrategy':
      return 'how future cluster changes roll out; nothing rolls out now';
    case 'rayClusterDeletionDelaySeconds':
      return 'how long an old cluster is kept after a switch; nothing rolls out now';
    case 'serviceUnhealthySecondThreshold':
    case 'deploymentUnhealthySecondThreshold':
      return `ignored by KubeRay since 1.1 (deprecated); ${release.version} does nothing with it`;
    case 'serveService':
      return 'the operator reconciles the Serve Service object in place; no cluster rolls out';
    case 'excludeHeadPodFromServeSvc':
      return 'changes which pods back the Serve Service; no cluster rolls out';
    case 'suspend':
      return release.rayServiceSuspend
        ? 'suspends or resumes the whole RayService'
        : `not a RayService field in KubeRay ${release.version}: dropped by the API server`;
    case 'managedBy':
      return 'which controller reconciles this RayService';
    default:
      return 'a RayService setting; no cluster rolls out';
  }
}

/** Says how the worker groups moved (removed, renamed, reordered, changed and appended). */
export function describeWorkerGroupChanges(base: Record<string, unknown>, head: Record<string, unknown>): string[] {
  const names = (c: Record<string, unknown>) =>
    (Array.isArray(c.workerGroupSpecs) ? c.workerGroupSpecs : []).map((g) => String(isPlainObject(g) ? g.groupName : ''));
  const a = names(base);
  const b = names(head);
  const out: string[] = [];
  const removed = a.filter((n) => !b.includes(n));
  const added = b.filter((n) => !a.includes(n));
  if (removed.length === 1 && added.length === 1 && a.length === b.length && a.indexOf(removed[0]!) === b.indexOf(added[0]!)) {
    out.push(`worker group "${removed[0]}" renamed to "${added[0]}" (a rename is not an append)`);
    return out;
  }
  if (removed.length)
    out.push(`worker group${removed.length > 1 ? 's' : ''} ${removed.map((n) => `"${n}"`).join(', ')} removed (removal always needs a new cluster)`);
  const common = a.filter((n) => b.includes(n));
  const commonInHead = b.filter((n) => a.includes(n));
  if (common.join('\u0000') !== commonInHead.join('\u0000')) out.push('worker groups reordered (order is part of the hash)');
  const appendedAtEnd = added.length > 0 && b.slice(b.length - added.length).every((n) => added.includes(n));
  if (added.length && !removed.length && appendedAtEnd)
    out.push(
      `worker group${added.length > 1 ? 's' : ''} ${added.map((n) => `"${n}"`).join(', ')} appended, but existing groups changed too, so it is not a pure append`,
    );
  else if (added.length && !appendedAtEnd)
    out.push(`worker group${added.length > 1 ? 's' : ''} ${added.map((n) => `"${n}"`).join(', ')} inserted before existing groups`);
  else if (added.length) out.push(`worker group${added.length > 1 ? 's' : ''} ${added.map((n) => `"${n}"`).join(', ')} added`);
  return out;
}
