/**
 * Runs a workflow file with nektos/act, the GitHub Actions runner emulator, in host mode (no
 * Docker): each step runs on this machine with this Node 24 on PATH, in a fresh temporary HOME and
 * an empty workspace, as on a new hosted runner. `actions/checkout@v4` is the stand-in beside this
 * file (the git commands of the real one), this repository's action is `acme/rayservice-rollout@v0`
 * (its action.yml and dist/, copied as a release would ship them), and every GitHub URL the runner
 * hands to steps points at the loopback fake GitHub.
 *
 * act derives GITHUB_SHA and GITHUB_REF from its work directory for some events where GitHub takes
 * them from the event (pull_request's merge commit, a merge group's branch); `githubEnv` gives the
 * values GitHub documents for the event, so steps see what they would see on GitHub.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

/** Path of the act binary: testbin/build.sh builds it on first use and caches it. */
export async function resolveAct(onProgress: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<string> {
  const { code, stdout, stderr } = await spawnCollect(join(repoRoot, 'testbin', 'build.sh'), ['act'], { ...process.env }, onProgress);
  const path = /^act=(.+)$/m.exec(stdout)?.[1];
  if (code !== 0 || !path) throw new Error(`testbin/build.sh act failed (exit ${code}):\n${stderr.slice(-4000)}`);
  return path;
}

export interface WorkflowRun {
  code: number | null;
  /** act's log: every step's output, as a runner's log shows it. */
  log: string;
}

export interface WorkflowOptions {
  act: string;
  /** The workflow file, run verbatim. */
  workflow: string;
  eventName: string;
  event: unknown;
  /** GITHUB_* values GitHub sets for this event (see the module comment). */
  githubEnv: Record<string, string>;
  /** The fake GitHub: API, GraphQL and git server at once. */
  githubUrl: string;
  secrets?: Record<string, string>;
  /** Configuration variables (`vars.*`). */
  vars?: Record<string, string>;
  /** Extra `owner/repo@ref=dir` actions to run from local directories. */
  localActions?: Record<string, string>;
  /** Directories put before Node 24 on the steps' PATH (stubs of other tools). */
  extraPath?: string[];
  /** Variables for the whole run (act --env). */
  env?: Record<string, string>;
}

export async function runWorkflow(o: WorkflowOptions): Promise<WorkflowRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'rsr-act-'));
  try {
    const dirs = { home: join(tmp, 'home'), workspace: join(tmp, 'workspace'), workflows: join(tmp, 'workflows'), action: join(tmp, 'action') };
    for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
    cpSync(o.workflow, join(dirs.workflows, 'workflow.yml'));
    cpSync(join(repoRoot, 'action.yml'), join(dirs.action, 'action.yml'));
    cpSync(join(repoRoot, 'dist'), join(dirs.action, 'dist'), { recursive: true });
    writeFileSync(join(tmp, 'event.json'), JSON.stringify(o.event));
    const runEnv = {
      GITHUB_API_URL: o.githubUrl,
      GITHUB_GRAPHQL_URL: `${o.githubUrl}/graphql`,
      GITHUB_SERVER_URL: o.githubUrl,
      ...o.githubEnv,
      ...o.env,
    };
    writeFileSync(
      join(tmp, 'env'),
      Object.entries(runEnv)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
    );
    const locals = { 'actions/checkout@v4': checkoutAction(), 'acme/rayservice-rollout@v0': dirs.action, ...o.localActions };
    const args = [
      o.eventName,
      ...['-W', dirs.workflows, '-C', dirs.workspace, '-e', join(tmp, 'event.json'), '--env-file', join(tmp, 'env')],
      ...['-P', 'ubuntu-latest=-self-hosted', '--no-skip-checkout', '--action-offline-mode', '--no-cache-server'],
      // In host mode every job, matrix legs included, runs in the one workspace directory (on GitHub
      // each leg has a runner of its own): two checkouts at once there race, so jobs run one at a time.
      ...['--concurrent-jobs', '1'],
      ...['--action-cache-path', join(tmp, 'action-cache'), '--artifact-server-path', ''],
      ...Object.entries(locals).flatMap(([k, v]) => ['--local-repository', `${k}=${v}`]),
      ...Object.entries(o.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}=${v}`]),
      ...Object.entries({ GITHUB_TOKEN: 'ghs_workflowtesttoken0000000000000000', ...o.secrets }).flatMap(([k, v]) => ['-s', `${k}=${v}`]),
    ];
    const env = {
      PATH: [...(o.extraPath ?? []), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
      HOME: dirs.home,
      LANG: 'C.UTF-8',
    };
    const { code, stdout, stderr } = await spawnCollect(o.act, args, env);
    return { code, log: stdout + stderr };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The checkout action: the stand-in beside this file, or a copy of the real actions/checkout (its
 * action.yml and dist/) named by RAYSERVICE_ROLLOUT_CHECKOUT_ACTION, to check the stand-in against it.
 */
function checkoutAction(): string {
  return process.env.RAYSERVICE_ROLLOUT_CHECKOUT_ACTION || join(here, 'checkout');
}

function spawnCollect(cmd: string, args: string[], env: NodeJS.ProcessEnv, onStderrLine?: (l: string) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (onStderrLine) for (const l of String(d).split('\n')) if (l.trim()) onStderrLine(l);
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

export const readText = (p: string) => readFileSync(p, 'utf8');
