/**
 * The words of a field change's `note`: a few words on what Ray Serve or KubeRay does with the field,
 * keyed by the field change's rule id (docs/rule-ids.md). Adding a note is one entry here.
 */
import type { ServeEffect } from '../../serve/serve-config.js';
import type { Catalog } from '../../util/wording.js';
import { SERVE_EFFECT_WORDS } from './phrases.js';

/** A RayService setting outside rayClusterConfig and serveConfigV2 (`service.setting.<key>`). */
interface Setting {
  readonly key: string;
  readonly version: string;
  /** The release has `spec.suspend` (1.7+). */
  readonly suspendField: boolean;
}

function settingWords(d: Setting): string {
  switch (d.key) {
    case 'upgradeStrategy':
      return 'how future cluster changes roll out; nothing rolls out now';
    case 'rayClusterDeletionDelaySeconds':
      return 'how long an old cluster is kept after a switch; nothing rolls out now';
    case 'serviceUnhealthySecondThreshold':
    case 'deploymentUnhealthySecondThreshold':
      return `ignored by KubeRay since 1.1 (deprecated); ${d.version} does nothing with it`;
    case 'serveService':
      return 'the operator reconciles the Serve Service object in place; no cluster rolls out';
    case 'excludeHeadPodFromServeSvc':
      return 'changes which pods back the Serve Service; no cluster rolls out';
    case 'suspend':
      return d.suspendField ? 'suspends or resumes the whole RayService' : `not a RayService field in KubeRay ${d.version}: dropped by the API server`;
    case 'managedBy':
      return 'which controller reconciles this RayService';
    default:
      return 'a RayService setting; no cluster rolls out';
  }
}

const serve = (effect: ServeEffect) => () => SERVE_EFFECT_WORDS[effect];

export const FIELD_NOTES = {
  'cluster.hash-blanked': (d: { version: string }) => `not in the cluster hash of KubeRay ${d.version}: not applied to the running RayCluster`,
  'cluster.appended-group': () => 'appended worker group: added to the running RayCluster',
  'cluster.suspend-toggle-in-place': () => 'applied in place with the suspend toggle',
  'service.stays-suspended': () => 'the RayService stays suspended: applied only on resume',
  'service.setting.<key>': settingWords,
  'metadata.annotation-read': () => 'read by the operator on its next reconcile; no rollout',
  'metadata.labels-not-copied': () => 'RayService labels are not copied to existing RayClusters; no rollout',
  'metadata.annotations-not-copied': () => 'RayService annotations are not copied to existing RayClusters; no rollout',
  'serve.app-added': serve('app-added'),
  'serve.app-removed': serve('app-removed'),
  'serve.app-redeployed': serve('app-redeployed'),
  'serve.app-route': serve('app-route'),
  'serve.deployment-added': serve('deployment-added'),
  'serve.deployment-removed': serve('deployment-removed'),
  'serve.deployment-reconfigured': serve('deployment-reconfigured'),
  'serve.deployment-scaled': serve('deployment-scaled'),
  'serve.deployment-restarted': serve('deployment-restarted'),
  'serve.serve-fixed-at-start': serve('serve-fixed-at-start'),
  'serve.serve-options': serve('serve-options'),
} as const satisfies Catalog;

export type FieldNoteRule = keyof typeof FIELD_NOTES;
