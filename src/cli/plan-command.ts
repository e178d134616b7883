/** `rayservice-rollout plan`: the shell around the planner. */
import { loadManifests } from '../manifests/load.js';
import { plan } from '../planner/plan.js';
import { clusterAwarePlan } from '../flows/cluster-aware-plan.js';
import { dryRunRefusals } from '../render/cluster-findings.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderJson } from '../render/json.js';
import { UsageError } from './usage-error.js';
import { DEFAULT_KUBERAY_VERSION, supportedVersionsText } from '../kuberay/releases.js';

export const PLAN_HELP = `Usage: rayservice-rollout plan --base <file|dir> --head <file|dir> [options]

Reads the RayService manifests at base and head (a file, or a folder searched recursively for
.yaml/.yml; multi-document files; other kinds are skipped) and prints, for each RayService, what
the KubeRay operator will do: create, delete, none, app, cluster-inplace, cluster,
cluster-incremental or ignored, with reasons, changed fields and lines, and capacity figures.

Options:
  --base <path>               manifests before the change (required)
  --head <path>               manifests after the change (required)
  --format json|markdown      output format (default: json)
  --kuberay-version X.Y[.Z]   operator release to predict for (default: ${DEFAULT_KUBERAY_VERSION}; supported: ${supportedVersionsText()})
  --zero-downtime true|false  the operator's ENABLE_ZERO_DOWNTIME (default: true)
  --incremental-gate on|off   the RayServiceIncrementalUpgrade feature gate (default: the release's default)
  --namespace NS              namespace of manifests that set none (default: default)
  --live                      also read the cluster (KUBECONFIG, ~/.kube/config or in-cluster):
                              server-side dry run of each head manifest, comparison with the live
                              RayService and its active/pending RayClusters, drift, the running
                              operator's version, and whether the new pods fit on the nodes and
                              in the namespace's ResourceQuota. Read-only (dry runs only); without
                              credentials or when unreachable: the Git-only plan with a note
  --kubeconfig PATH           kubeconfig for --live (default: $KUBECONFIG, ~/.kube/config)
  --context NAME              kubeconfig context for --live
  --field-manager NAME        field manager of the dry run, as for apply (default: rayservice-rollout)
  --force-conflicts           dry-run as the apply will run: taking over fields of other managers
  -h, --help                  this help

Exit status: 0 for any plan, 2 for input it cannot read (the message names file and line) or,
with --live, for manifests the API server refuses (the plan is still printed).
`;

export interface PlanFlags {
  base?: string;
  head?: string;
  format?: string;
  'kuberay-version'?: string;
  'zero-downtime'?: string;
  'incremental-gate'?: string;
  namespace?: string;
  live?: boolean;
  kubeconfig?: string;
  context?: string;
  'field-manager'?: string;
  'force-conflicts'?: boolean;
}

export async function runPlan(flags: PlanFlags, out: NodeJS.WritableStream, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  if (!flags.base || !flags.head) throw new UsageError('plan needs --base and --head (try plan --help)');
  const format = flags.format ?? 'json';
  if (format !== 'json' && format !== 'markdown') throw new UsageError(`--format must be json or markdown, not "${format}"`);
  const zeroDowntime = parseBool('--zero-downtime', flags['zero-downtime'] ?? 'true');
  const gate = flags['incremental-gate'];
  if (gate !== undefined && !['on', 'off', 'true', 'false'].includes(gate)) throw new UsageError('--incremental-gate must be on or off');
  const namespace = flags.namespace ?? 'default';
  const cwd = process.cwd();
  const [base, head] = await Promise.all([
    loadManifests(flags.base, { defaultNamespace: namespace, displayRoot: cwd }),
    loadManifests(flags.head, { defaultNamespace: namespace, displayRoot: cwd }),
  ]);
  const options = {
    ...(flags['kuberay-version'] ? { kuberayVersion: flags['kuberay-version'] } : {}),
    zeroDowntime,
    ...(gate !== undefined ? { incrementalGate: gate === 'on' || gate === 'true' } : {}),
  };
  const result = flags.live
    ? await clusterAwarePlan(base, head, {
        ...options,
        fieldManager: flags['field-manager'] ?? 'rayservice-rollout',
        forceConflicts: flags['force-conflicts'] ?? false,
        connect: { ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}), ...(flags.context ? { context: flags.context } : {}) },
      })
    : plan(base, head, options);
  out.write(format === 'json' ? renderJson(result) : renderMarkdown(result, { maxLength: Number.MAX_SAFE_INTEGER }));
  for (const note of result.cluster?.mode === 'git-only' ? result.cluster.notes : []) err.write(`note: ${note}\n`);
  const refusals = dryRunRefusals(result);
  for (const r of refusals) err.write(`${r}\n`);
  return refusals.length ? 2 : 0;
}

function parseBool(flag: string, v: string): boolean {
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`${flag} must be true or false, not "${v}"`);
}
