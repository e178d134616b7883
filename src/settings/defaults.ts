/**
 * Every default of the command line and the action, written once. The CLI's flags and help
 * texts, the action's inputs and action.yml (checked by test/unit/action-yml.test.ts) take their
 * defaults from here, so a flag and the input of the same name cannot drift apart.
 */
import { DEFAULT_KUBERAY_VERSION } from '../kuberay/releases.js';

export type OnFailure = 'rollback' | 'none';

export const DEFAULTS = {
  /** The release line predicted for when none is named; owned by the table of releases. */
  kuberayVersion: DEFAULT_KUBERAY_VERSION,
  /** Every YAML file of the repository (the action; the CLI is given files or folders). */
  manifestGlobs: ['**/*.yaml', '**/*.yml'] as readonly string[],
  /** The operator's ENABLE_ZERO_DOWNTIME, on unless the operator was started without it. */
  zeroDowntime: true,
  /** For manifests that name no namespace, as kubectl does. */
  namespace: 'default',
  format: 'json',
  /** The wait for each rollout: long enough for a new cluster's image pulls and Serve start. */
  timeout: '30m',
  /** One field manager for the dry runs and the apply, so the dry run predicts the apply's conflicts. */
  fieldManager: 'rayservice-rollout',
  forceConflicts: false,
  /** Deleting what Git removed is opt-in: a manifest moved or renamed by mistake must not take a service down. */
  prune: false,
  onFailure: 'none' as OnFailure,
  requireHealthy: false,
  live: false,
  dryRun: false,
  comment: true,
  /** Commit status context of plan mode; apply mode uses its own unless the input names one. */
  planStatusContext: 'rayservice-rollout/plan',
  /** fail-on: what fails the plan status when the input is empty (a list in the input replaces it). */
  failOn: 'rejected',
  applyStatusContext: 'rayservice-rollout/apply',
} as const;
