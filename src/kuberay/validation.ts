/**
 * The operator's own validation of a RayService (ValidateRayServiceMetadata/Spec), for the rules
 * a plan can check from Git. A RayService that fails it is not reconciled at all: no cluster is
 * built or changed and no Serve config is sent (1.3–1.5: a Warning event InvalidRayServiceSpec
 * and retries; 1.6+: also Ready=False with reason ValidationFailed).
 */
import { isPlainObject } from '../util/objects.js';
import type { KubeRayRelease } from './releases.js';
import { incrementalGateOn, type OperatorSettings } from './upgrade-strategy.js';

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

/** The first rule the operator would refuse, as a sentence; undefined when it accepts. */
export function operatorRejection(
  name: string,
  annotations: Record<string, unknown>,
  spec: Record<string, unknown>,
  release: KubeRayRelease,
  settings: OperatorSettings,
): string | undefined {
  if (release.validatesName && (name.length > 47 || !DNS1035.test(name))) {
    return `the name "${name}" must be a DNS-1035 label of at most 47 characters (the operator appends a suffix for cluster names)`;
  }
  const us = isPlainObject(spec.upgradeStrategy) ? spec.upgradeStrategy : undefined;
  const type = us?.type;
  if (typeof type === 'string' && !release.upgradeTypes.includes(type)) {
    return `spec.upgradeStrategy.type ${JSON.stringify(type)} is not one of ${release.upgradeTypes.join(', ')}`;
  }
  if (release.incrementalUpgrade !== 'unsupported') {
    const d = spec.rayClusterDeletionDelaySeconds;
    if (typeof d === 'number' && d < 0) return 'spec.rayClusterDeletionDelaySeconds must not be negative';
    const timeout = annotations['ray.io/initializing-timeout'];
    if (typeof timeout === 'string' && !(GO_DURATION.test(timeout) && !/^0+(\.0+)?[a-zµ]+$/.test(timeout)) && !(/^\d+$/.test(timeout) && Number(timeout) > 0)) {
      return `annotation ray.io/initializing-timeout ${JSON.stringify(timeout)} must be a positive duration ("30m") or a positive number of seconds`;
    }
  }
  if (type === 'NewClusterWithIncrementalUpgrade' && incrementalGateOn(release, settings)) {
    const rcc = isPlainObject(spec.rayClusterConfig) ? spec.rayClusterConfig : {};
    if (rcc.enableInTreeAutoscaling !== true) return 'NewClusterWithIncrementalUpgrade needs rayClusterConfig.enableInTreeAutoscaling: true';
    const o = isPlainObject(us?.clusterUpgradeOptions) ? us.clusterUpgradeOptions : undefined;
    if (!o) return 'NewClusterWithIncrementalUpgrade needs spec.upgradeStrategy.clusterUpgradeOptions';
    const pct = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 100;
    if (o.maxSurgePercent !== undefined && !pct(o.maxSurgePercent)) return 'clusterUpgradeOptions.maxSurgePercent must be between 0 and 100';
    if (!pct(o.stepSizePercent)) return 'clusterUpgradeOptions.stepSizePercent must be set, between 0 and 100';
    if (!(typeof o.intervalSeconds === 'number' && o.intervalSeconds > 0)) return 'clusterUpgradeOptions.intervalSeconds must be set and positive';
    if (typeof o.gatewayClassName !== 'string' || !o.gatewayClassName) return 'clusterUpgradeOptions.gatewayClassName must be set';
    if (release.rejectsStepSizeAboveMaxSurge && (o.stepSizePercent as number) > ((o.maxSurgePercent as number | undefined) ?? 100)) {
      return 'clusterUpgradeOptions.stepSizePercent must not exceed maxSurgePercent';
    }
  }
  return undefined;
}

/** Why the operator leaves this RayService to someone else, if it does. */
export function externallyManaged(spec: Record<string, unknown>, release: KubeRayRelease): string | undefined {
  const by = spec.managedBy;
  if (release.rayServiceManagedBy && typeof by === 'string' && by !== '' && by !== 'ray.io/kuberay-operator') {
    return `spec.managedBy is ${JSON.stringify(by)}: KubeRay skips this RayService and leaves it to that controller`;
  }
  return undefined;
}
