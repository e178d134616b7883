/**
 * Which upgrade a cluster-level change gets: `isZeroDowntimeUpgradeEnabled` and
 * `IsIncrementalUpgradeEnabled` of the operator. `spec.upgradeStrategy.type` wins over the
 * operator's ENABLE_ZERO_DOWNTIME; NewClusterWithIncrementalUpgrade needs the
 * RayServiceIncrementalUpgrade feature gate, without which it disables zero-downtime upgrades.
 */
import { isPlainObject } from '../util/objects.js';
import type { FeatureGateSettings } from './feature-gates.js';
import type { KubeRayRelease } from './releases.js';

export type StrategyType = 'NewCluster' | 'NewClusterWithIncrementalUpgrade' | 'None';

export interface OperatorSettings {
  /** The operator's ENABLE_ZERO_DOWNTIME (default true). */
  readonly zeroDowntime: boolean;
  /** The RayServiceIncrementalUpgrade feature gate; undefined = the release's default. */
  readonly incrementalGate?: boolean;
  /** Other feature gates set on the operator (`--feature-gates`); absent: the release's defaults. */
  readonly featureGates?: FeatureGateSettings;
  /** The operator's ENABLE_INIT_CONTAINER_INJECTION (default true): workers get the wait-gcs-ready init container. */
  readonly initContainerInjection?: boolean;
}

export interface EffectiveStrategy {
  /** What a cluster-level change leads to. */
  readonly type: StrategyType;
  /** What the manifest asked for (undefined when unset). */
  readonly requested: string | undefined;
  /** Why cluster changes are ignored, when type is None (the plan words it: planner/wording/reasons.ts). */
  readonly disabledBy?: StrategyDisabledBy;
}

/**
 * What makes the operator ignore cluster changes: `upgradeStrategy.type` None, or a type it does
 * not know; NewClusterWithIncrementalUpgrade on a release without it, or with its gate off; no type
 * with ENABLE_ZERO_DOWNTIME=false.
 */
export type StrategyDisabledBy = 'type-none' | 'type-unknown' | 'incremental-unsupported' | 'incremental-gate-off' | 'zero-downtime-off';

export function incrementalGateOn(release: KubeRayRelease, settings: OperatorSettings): boolean {
  if (release.incrementalUpgrade === 'unsupported') return false;
  return settings.incrementalGate ?? release.incrementalUpgrade === 'gate-on-by-default';
}

export function effectiveStrategy(spec: Record<string, unknown>, release: KubeRayRelease, settings: OperatorSettings): EffectiveStrategy {
  const us = spec.upgradeStrategy;
  const requested = isPlainObject(us) && typeof us.type === 'string' ? us.type : undefined;
  const gate = incrementalGateOn(release, settings);
  if (requested !== undefined) {
    if (requested === 'NewCluster') return { type: 'NewCluster', requested };
    if (requested === 'NewClusterWithIncrementalUpgrade') {
      if (gate) return { type: 'NewClusterWithIncrementalUpgrade', requested };
      return { type: 'None', requested, disabledBy: release.incrementalUpgrade === 'unsupported' ? 'incremental-unsupported' : 'incremental-gate-off' };
    }
    return { type: 'None', requested, disabledBy: requested === 'None' ? 'type-none' : 'type-unknown' };
  }
  if (!settings.zeroDowntime) return { type: 'None', requested, disabledBy: 'zero-downtime-off' };
  return { type: 'NewCluster', requested };
}
