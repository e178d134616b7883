/** `rayservice-rollout plan`: the shell around the planner. */
import { loadManifests } from '../manifests/load.js';
import { plan } from '../planner/plan.js';
import { clusterAwarePlan, LIVE_PLAN_DEADLINE_MS } from '../flows/cluster-aware-plan.js';
import { Deadline } from '../kube/deadline.js';
import { dryRunRefusals } from '../render/cluster-findings.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderJson } from '../render/json.js';
import { UsageError } from './usage-error.js';
import { outputTo, type Sink } from './output.js';
import { supportedVersionsText } from '../kuberay/releases.js';
import { DEFAULTS } from '../settings/defaults.js';
import { parseBool, parseChoice, parseDuration, parseKubeRayVersion } from '../settings/parse.js';
import { renderBoth } from '../render-manifests/index.js';
import type { ManifestSet } from '../manifests/load.js';

const LIVE_TIMEOUT_DEFAULT = `${LIVE_PLAN_DEADLINE_MS / 1000}s`;

export const PLAN_HELP = `Usage: rayservice-rollout plan --base <file|dir> --head <file|dir> [options]

Reads the RayService manifests at base and head (a file, or a folder searched recursively for
.yaml/.yml; multi-document files; other kinds are skipped) and prints, for each RayService, what
the KubeRay operator will do: create, delete, none, app, cluster-inplace, cluster,
cluster-incremental or ignored, with reasons, changed fields and lines, and capacity figures.

Options:
  --base <path>               manifests before the change (required)
  --head <path>               manifests after the change (required)
  --format json|markdown      output format (default: ${DEFAULTS.format})
  --kuberay-version X.Y[.Z]   operator release to predict for (default: ${DEFAULTS.kuberayVersion}; supported: ${supportedVersionsText()})
  --zero-downtime true|false  the operator's ENABLE_ZERO_DOWNTIME (default: ${DEFAULTS.zeroDowntime})
  --incremental-gate on|off   the RayServiceIncrementalUpgrade feature gate (default: the release's default)
  --namespace NS              namespace of manifests that set none (default: ${DEFAULTS.namespace})
  --render SPEC               plan what a renderer prints instead of the files: --base and --head
                              are then the two checkouts (tree roots) it runs in. SPEC is
                              kustomize:<dir> (kustomize build, or kubectl kustomize),
                              helm:<chart>[:<values file>…] (helm template) or a shell command.
                              It runs repository content: only on trees you trust. With
                              kustomize's buildMetadata: [originAnnotations, transformerAnnotations]
                              lines name the source files; else the rendered output
  --targets FILE              a fleet (e.g. .github/rayservice-rollout.yaml): plan each target of the
                              file with its own manifests, release, settings and cluster; --base and
                              --head are then the two checkouts (tree roots), the other options the
                              defaults of every target. Prints a verdict row per target, then each
                              target's plan (JSON: {"targets": [{"name", "wave", "plan"}]})
  --live                      also read the cluster (KUBECONFIG, ~/.kube/config or in-cluster):
                              server-side dry run of each head manifest, comparison with the live
                              RayService and its active/pending RayClusters, drift, the running
                              operator's version, and whether the new pods fit on the nodes and
                              in the namespace's ResourceQuota. Read-only (dry runs only); without
                              credentials or when unreachable: the Git-only plan with a note
  --kubeconfig PATH           kubeconfig for --live (default: $KUBECONFIG, ~/.kube/config)
  --context NAME              kubeconfig context for --live
  --timeout DURATION          time limit of the cluster reads of --live, the credential plugin
                              included; when it runs out: the Git-only plan with a note (default: 60s)
  --field-manager NAME        field manager of the dry run, as for apply (default: ${DEFAULTS.fieldManager})
  --force-conflicts           dry-run as the apply will run: taking over fields of other managers
  --prune                     plan as \`apply --prune\` runs: a RayService removed from Git will be
                              deleted (with --live: only if this field manager applied it)
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
  timeout?: string;
  'field-manager'?: string;
  'force-conflicts'?: boolean;
  prune?: boolean;
  render?: string;
}

export async function runPlan(flags: PlanFlags, out: Sink = process.stdout, err: Sink = process.stderr): Promise<number> {
  if (!flags.base || !flags.head) throw new UsageError('plan needs --base and --head (try plan --help)');
  const format = parseChoice('--format', flags.format, ['json', 'markdown'], DEFAULTS.format);
  const kuberayVersion = parseKubeRayVersion('--kuberay-version', flags['kuberay-version'], DEFAULTS.kuberayVersion);
  const zeroDowntime = parseBool('--zero-downtime', flags['zero-downtime'], DEFAULTS.zeroDowntime);
  const gate =
    flags['incremental-gate'] === undefined ? undefined : parseChoice('--incremental-gate', flags['incremental-gate'], ['on', 'off', 'true', 'false']);
  const namespace = flags.namespace ?? DEFAULTS.namespace;
  const liveTimeoutMs = parseDuration('--timeout', flags.timeout, LIVE_TIMEOUT_DEFAULT);
  const rendered = flags.render ? await renderBoth({ base: flags.base, head: flags.head }, flags.render, { defaultNamespace: namespace }) : undefined;
  const [base, head] = rendered ? [rendered.base.manifests, rendered.head.manifests] : await loadBoth(flags.base, flags.head, namespace);
  const options = {
    kuberayVersion,
    zeroDowntime,
    prune: flags.prune ?? DEFAULTS.prune,
    ...(gate !== undefined ? { incrementalGate: gate === 'on' || gate === 'true' } : {}),
  };
  const planned = () => planOf(base, head, flags, options, liveTimeoutMs);
  const result = rendered ? await rendered.planWith(planned) : await planned();
  // Through the output edge: the plan carries manifest values and, with --live, the cluster's words.
  const [stdout, stderr] = [outputTo(out), outputTo(err)];
  if (format === 'json') stdout.json(renderJson(result));
  else stdout.text(renderMarkdown(result, { maxLength: Number.MAX_SAFE_INTEGER }));
  for (const note of result.cluster?.mode === 'git-only' ? result.cluster.notes : []) stderr.text(`note: ${note.text}\n`);
  const refusals = dryRunRefusals(result);
  for (const r of refusals) stderr.text(`${r}\n`);
  return refusals.length ? 2 : 0;
}

function loadBoth(basePath: string, headPath: string, namespace: string): Promise<[ManifestSet, ManifestSet]> {
  const cwd = process.cwd();
  return Promise.all([
    loadManifests(basePath, { defaultNamespace: namespace, displayRoot: cwd }),
    loadManifests(headPath, { defaultNamespace: namespace, displayRoot: cwd }),
  ]);
}

type PlanOptions = Parameters<typeof plan>[2];

async function planOf(base: ManifestSet, head: ManifestSet, flags: PlanFlags, options: PlanOptions, liveTimeoutMs: number) {
  return flags.live
    ? await clusterAwarePlan(base, head, {
        ...options,
        fieldManager: flags['field-manager'] ?? DEFAULTS.fieldManager,
        forceConflicts: flags['force-conflicts'] ?? false,
        connect: {
          ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}),
          ...(flags.context ? { context: flags.context } : {}),
          deadline: new Deadline(liveTimeoutMs, `--timeout ${flags.timeout ?? LIVE_TIMEOUT_DEFAULT}`),
        },
      })
    : plan(base, head, options);
}
