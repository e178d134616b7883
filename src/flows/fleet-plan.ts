/**
 * A fleet's plan: every target planned on its own — its manifests, its KubeRay release and
 * settings, and with `live` its own cluster read with its own kubeconfig or context — all at once,
 * so a slow cluster costs its own deadline, not the sum. Capacity stays per target: nothing is
 * added across clusters. A refusal names the target it came from.
 */
import type { Plan } from '../planner/types.js';
import type { ConnectOptions } from '../kube/connection.js';
import type { FleetPlan, FleetTarget } from '../targets/types.js';
import { UserError } from '../util/user-error.js';
import type { ClusterAwareOptions } from './cluster-aware-plan.js';

/** The options of one target's plan (and, with `live`, of its cluster reads). */
export function targetPlanOptions(t: FleetTarget, connect?: Pick<ConnectOptions, 'deadline'>): ClusterAwareOptions {
  return {
    kuberayVersion: t.kuberayVersion,
    zeroDowntime: t.zeroDowntime,
    prune: t.prune,
    ...(t.incrementalGate !== undefined ? { incrementalGate: t.incrementalGate } : {}),
    fieldManager: t.fieldManager,
    forceConflicts: t.forceConflicts,
    connect: { ...targetConnect(t), ...connect },
  };
}

/** Where a target's credentials come from: its kubeconfig and context, else the environment's. */
export function targetConnect(t: { readonly kubeconfig?: string | undefined; readonly context?: string | undefined }): ConnectOptions {
  return { ...(t.kubeconfig ? { kubeconfig: t.kubeconfig } : {}), ...(t.context ? { context: t.context } : {}) };
}

export async function planFleet(targets: readonly FleetTarget[], planOne: (t: FleetTarget) => Promise<Plan>): Promise<FleetPlan> {
  const plans = await Promise.all(targets.map((t) => planOne(t).catch((e: unknown) => Promise.reject(namedForTarget(e, t.name)))));
  return { targets: targets.map((t, i) => ({ name: t.name, wave: t.wave, plan: plans[i]! })) };
}

/** A refusal that came from one target says which (the error keeps its class: its file and line still point). */
export function namedForTarget(e: unknown, name: string): unknown {
  if (e instanceof UserError && !e.message.startsWith('target ')) e.message = `target ${name}: ${e.message}`;
  return e;
}
