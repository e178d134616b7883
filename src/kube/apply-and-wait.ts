/**
 * The merge-time flow shared by `rayservice-rollout apply` and the action's apply mode: from a
 * plan, apply every RayService that changed (all dry-run first), then wait for each rollout in
 * parallel. Output goes through callbacks, so the CLI prints lines and the action groups logs and
 * writes a summary.
 */
import { parse as parseYaml } from 'yaml';
import type { ManifestSet } from '../manifests/load.js';
import type { Change, Plan, ServicePlan } from '../planner/types.js';
import type { ProgressLine, Verdict } from '../rollout/types.js';
import { applyAll, dryRunAll, type Applied } from './apply.js';
import type { Connection } from './connection.js';
import { watchRollout } from './rollout-watch.js';

/** Changes that reach the cluster: applied, then waited for ('ignored' returns at once). */
export const APPLIED_CHANGES: readonly Change[] = ['create', 'app', 'cluster', 'cluster-incremental', 'cluster-inplace', 'ignored'];

export interface ApplyAndWaitOptions {
  readonly conn: Connection;
  readonly plan: Plan;
  readonly head: ManifestSet;
  readonly timeoutMs: number;
  readonly fieldManager: string;
  readonly forceConflicts: boolean;
  /** Validate with a server-side dry run only; apply nothing. */
  readonly dryRun?: boolean;
  readonly onApplied?: (service: ServicePlan, applied: Applied) => void;
  readonly onProgress?: (service: ServicePlan, line: ProgressLine) => void;
  readonly onLog?: (service: ServicePlan, text: string) => void;
}

export interface ServiceOutcome {
  readonly service: ServicePlan;
  readonly applied?: Applied;
  readonly verdict?: Verdict;
  /** API requests made while waiting for this service. */
  readonly requests?: number;
}

/** Throws ApplyRefusedError (nothing applied) when the API server refuses any manifest. */
export async function applyAndWait(opts: ApplyAndWaitOptions): Promise<ServiceOutcome[]> {
  const services = opts.plan.services.filter((s) => APPLIED_CHANGES.includes(s.change));
  if (services.length === 0) return [];
  const manifests = services.map((s) => opts.head.get(`${s.namespace}/${s.name}`)!);
  const applyOptions = { fieldManager: opts.fieldManager, forceConflicts: opts.forceConflicts };
  if (opts.dryRun) {
    await dryRunAll(opts.conn, manifests, applyOptions);
    return services.map((service) => ({ service }));
  }
  const applied = await applyAll(opts.conn, manifests, applyOptions);
  const startedAt = Date.now();
  return Promise.all(
    applied.map(async (a, i) => {
      const service = services[i]!;
      opts.onApplied?.(service, a);
      const { verdict, requests } = await watchRollout({
        conn: opts.conn,
        target: {
          namespace: service.namespace,
          name: service.name,
          // Without a base (a first run, a manual dispatch) a live RayService was planned as 'create':
          // wait for its current config to run; a pending cluster, if one appears, is followed.
          expected: !a.existed ? 'create' : service.change === 'create' ? 'app' : service.change,
          generation: a.generation,
          ...(a.activeBefore ? { activeBefore: a.activeBefore } : {}),
          serveApps: serveAppsOf(a.manifest.object),
          startedAt,
          deadline: startedAt + opts.timeoutMs,
        },
        onProgress: (line) => opts.onProgress?.(service, line),
        log: (text) => opts.onLog?.(service, text),
      });
      return { service, applied: a, verdict, requests };
    }),
  );
}

/** Application names of a RayService's Serve config (Ray Serve calls an unnamed one "default"). */
export function serveAppsOf(o: Record<string, unknown>): string[] {
  const text = (o?.spec as { serveConfigV2?: unknown } | undefined)?.serveConfigV2;
  if (typeof text !== 'string') return [];
  try {
    const apps = (parseYaml(text) as { applications?: { name?: string }[] })?.applications ?? [];
    return apps.map((a) => a?.name || 'default');
  } catch {
    return [];
  }
}

/** The worst result wins. */
export function overallResult(outcomes: readonly ServiceOutcome[]): 'succeeded' | 'failed' | 'timeout' | 'nothing' {
  if (outcomes.length === 0) return 'nothing';
  if (outcomes.some((o) => o.verdict?.result === 'failed')) return 'failed';
  if (outcomes.some((o) => o.verdict?.result === 'timeout')) return 'timeout';
  return 'succeeded';
}
