/**
 * The operator's own validation of a RayService (`validateRayService` in
 * rayservice_controller.go: ValidateRayServiceMetadata, then ValidateRayServiceSpec, which runs
 * ValidateRayClusterSpec first from 1.4.0). A RayService that fails it is not reconciled at all:
 * no cluster is built or changed and no Serve config is sent. 1.3–1.5 emit a Warning event
 * (InvalidRayServiceMetadata / InvalidRayServiceSpec) and retry; 1.6+ also set Ready=False with
 * reason ValidationFailed and the error as its message. The checks are in validation/, each with
 * its release range and source function.
 */
import type { FeatureGate, FeatureGateSettings } from './feature-gates.js';
import type { KubeRayRelease } from './releases.js';
import type { OperatorSettings } from './upgrade-strategy.js';
import type { Refusal, ValidationInput } from './validation/refusal.js';
import { validateMetadata, validateServiceSpec } from './validation/service-spec.js';

export interface Rejection extends Refusal {
  /** The reason of the operator's Warning event. */
  readonly eventReason: 'InvalidRayServiceMetadata' | 'InvalidRayServiceSpec';
  /** The Warning event's message, as the operator formats it. */
  readonly eventMessage: string;
  /** The Ready condition's message (1.6+: the error itself); undefined where no condition is set. */
  readonly conditionMessage?: string;
}

export interface RayServiceIdentity {
  readonly namespace: string;
  readonly name: string;
  readonly annotations: Readonly<Record<string, unknown>>;
  /** The spec as the API server stores it (CRD defaults filled in). */
  readonly spec: Readonly<Record<string, unknown>>;
}

/** The first check the operator fails this RayService on; undefined when it accepts it. */
export function operatorRejection(rs: RayServiceIdentity, release: KubeRayRelease, settings: OperatorSettings): Rejection | undefined {
  const x: ValidationInput = { name: rs.name, annotations: rs.annotations, spec: rs.spec, release, gates: gatesOf(settings) };
  const metadata = validateMetadata(x);
  if (metadata) return withReport(metadata, 'InvalidRayServiceMetadata', rs, release);
  const spec = validateServiceSpec(x);
  return spec && withReport(spec, 'InvalidRayServiceSpec', rs, release);
}

/** The incremental-upgrade gate input joins the other gates. */
function gatesOf(settings: OperatorSettings): FeatureGateSettings {
  const gates: Partial<Record<FeatureGate, boolean>> = { ...settings.featureGates };
  if (settings.incrementalGate !== undefined) gates.RayServiceIncrementalUpgrade = settings.incrementalGate;
  return gates;
}

function withReport(r: Refusal, eventReason: Rejection['eventReason'], rs: RayServiceIdentity, release: KubeRayRelease): Rejection {
  const who = `${rs.namespace}/${rs.name}`;
  if (release.validationFailureReported === 'event-and-condition') {
    return { ...r, eventReason, eventMessage: `${who}: ${r.error}`, conditionMessage: r.error };
  }
  const kind = eventReason === 'InvalidRayServiceMetadata' ? 'metadata' : 'spec';
  return { ...r, eventReason, eventMessage: `The RayService ${kind} is invalid ${who}: ${r.error}` };
}

/** Why the operator leaves this RayService to someone else, if it does (1.6+, checked before validation). */
export function externallyManaged(spec: Readonly<Record<string, unknown>>, release: KubeRayRelease): string | undefined {
  const by = spec.managedBy;
  if (release.rayServiceManagedBy && typeof by === 'string' && by !== '' && by !== 'ray.io/kuberay-operator') {
    return by;
  }
  return undefined;
}
