/**
 * The command line: `rayservice-rollout plan …`. A thin shell: parse flags, load manifests, call the
 * planner, render. User errors are one line on stderr and exit status 2; never a stack trace.
 */
import { UserError } from '../util/user-error.js';
import { parseArgs } from 'node:util';
import { runPlan, PLAN_HELP } from './plan-command.js';
import { APPLY_HELP, WAIT_HELP, runApply, runWait } from './rollout-command.js';
import { abandonedRequests } from '../kube/cluster-facts.js';
import { UsageError } from './usage-error.js';
import { runFleetApply, runFleetPlan } from './fleet-command.js';
import { writeErr, writeErrLine, writeOut } from './output.js';

const VERSION = '0.1.0';

const HELP = `rayservice-rollout ${VERSION}: predict, apply and watch KubeRay RayService rollouts

Usage:
  rayservice-rollout plan --base <file|dir> --head <file|dir> [options]
  rayservice-rollout plan --targets <file> --base <dir> --head <dir> [options]
  rayservice-rollout apply --base <file|dir> --head <file|dir> [options]
  rayservice-rollout apply --targets <file> --base <dir> --head <dir> [options]
  rayservice-rollout wait <namespace/name> [options]
  rayservice-rollout wait --head <file|dir> [--base <file|dir>] [options]
  rayservice-rollout --help | --version

Commands:
  plan    what the KubeRay operator will do with each changed RayService
  apply   dry-run, server-side apply and wait until each rollout is really done
  wait    wait for a rollout that someone else started; with --head, for Argo CD or Flux
          to sync the head's manifests, then for each rollout

Run \`rayservice-rollout <command> --help\` for the options of a command.
`;

export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    writeOut(HELP);
    return command === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    writeOut(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (command === 'plan') {
    if (rest.includes('--help') || rest.includes('-h')) {
      writeOut(PLAN_HELP);
      return EXIT.ok;
    }
    // No defaults here: the commands take them from src/settings/, as the action does.
    const { values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        format: { type: 'string' },
        'kuberay-version': { type: 'string' },
        'zero-downtime': { type: 'string' },
        'incremental-gate': { type: 'string' },
        namespace: { type: 'string' },
        live: { type: 'boolean' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        timeout: { type: 'string' },
        'field-manager': { type: 'string' },
        'force-conflicts': { type: 'boolean' },
        prune: { type: 'boolean' },
        render: { type: 'string' },
        targets: { type: 'string' },
      },
    });
    return values.targets ? runFleetPlan(values, process.stdout, process.stderr) : runPlan(values, process.stdout);
  }
  const rolloutOptions = {
    base: { type: 'string' },
    head: { type: 'string' },
    namespace: { type: 'string' },
    'kuberay-version': { type: 'string' },
    'zero-downtime': { type: 'string' },
    timeout: { type: 'string' },
    'field-manager': { type: 'string' },
    'force-conflicts': { type: 'boolean' },
    prune: { type: 'boolean' },
    kubeconfig: { type: 'string' },
    context: { type: 'string' },
    verbose: { type: 'boolean' },
    'on-failure': { type: 'string' },
    render: { type: 'string' },
    'sync-timeout': { type: 'string' },
    smoke: { type: 'string' },
    'dashboard-url': { type: 'string' },
    'grafana-url': { type: 'string' },
    'require-healthy': { type: 'boolean' },
    targets: { type: 'string' },
  } as const;
  if (command === 'apply' || command === 'wait') {
    if (rest.includes('--help') || rest.includes('-h')) {
      writeOut(command === 'apply' ? APPLY_HELP : WAIT_HELP);
      return EXIT.ok;
    }
    const { values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: command === 'wait', options: rolloutOptions });
    if (command === 'wait' && values.targets) throw new UsageError('wait follows one cluster: --targets is for plan and apply');
    if (command === 'apply' && values.targets) return runFleetApply(values, process.stdout, process.stderr);
    return command === 'apply' ? runApply(values, process.stdout, process.stderr) : runWait(positionals[0], values, process.stdout);
  }
  throw new UsageError(`unknown command "${command}" (try --help)`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Output is written (synchronously, to files and pipes); don't wait for requests abandoned on timeout.
    if (abandonedRequests() > 0) process.exit(code);
  },
  (e: unknown) => {
    if (e instanceof UserError) {
      writeErrLine(`rayservice-rollout: ${e.message}`);
      process.exitCode = EXIT.badInput;
      return;
    }
    const err = e as { code?: string; message?: string };
    if (typeof err?.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
      writeErrLine(`rayservice-rollout: ${err.message} (try --help)`);
      process.exitCode = EXIT.badInput;
      return;
    }
    writeErr(
      `rayservice-rollout: internal error: ${err?.message ?? String(e)}\nThis is a bug; please report it${process.env.RAYSERVICE_ROLLOUT_DEBUG ? '' : ' (set RAYSERVICE_ROLLOUT_DEBUG=1 for the stack trace)'}.\n`,
    );
    if (process.env.RAYSERVICE_ROLLOUT_DEBUG) writeErr(`${(e as Error)?.stack ?? ''}\n`);
    process.exitCode = EXIT.internal;
  },
);
