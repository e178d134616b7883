/**
 * Runs the CLI as a user runs it: the committed bundle, `node dist/cli.js …`, from the repository
 * root. `runCli` is asynchronous and streams stdout line by line: the e2e tests' kubeconfig points
 * at an API server proxy inside the test process itself, which a blocking spawn would starve.
 * `runCliSync` is for tests with nothing serving in the process, and runs the CLI exactly as a user
 * would (no debug output), for tests of what a user sees.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '../..');
const CLI = join(repoRoot, 'dist', 'cli.js');

export interface CliLine {
  /** When the line reached this process (ms since the epoch). */
  readonly at: number;
  readonly text: string;
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly lines: CliLine[];
  readonly startedAt: number;
  readonly endedAt: number;
  /** endedAt − startedAt. */
  readonly ms: number;
}

export interface CliRun {
  readonly lines: CliLine[];
  readonly done: Promise<CliResult>;
  /** Resolves with the first stdout line matching `re` (rejects when the CLI exits first). */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<CliLine>;
}

export interface CliOptions {
  /** Added to the environment. By default KUBECONFIG is empty (never the developer's cluster) and internal errors print their stack trace. */
  readonly env?: Record<string, string>;
  /** Called with every finished run before `done` resolves (e.g. to print the runs of a failed test). */
  readonly onExit?: (result: CliResult) => void;
}

/** Never the developer's cluster: a test that wants one passes --kubeconfig. */
function testEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { RAYSERVICE_ROLLOUT_DEBUG: _debug, ...env } = process.env;
  return { ...env, KUBECONFIG: '', ...extra };
}

export function runCli(args: string[], options: CliOptions = {}): CliRun {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: repoRoot,
    env: testEnv({ RAYSERVICE_ROLLOUT_DEBUG: '1', ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: CliLine[] = [];
  const waiters = new Set<() => void>();
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const at = Date.now();
    stdout += chunk;
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const text of parts) lines.push({ at, text });
    for (const w of waiters) w();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let exited = false;
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      exited = true;
      if (partial) lines.push({ at: Date.now(), text: partial });
      const endedAt = Date.now();
      const result = { code, stdout, stderr, lines, startedAt, endedAt, ms: endedAt - startedAt };
      options.onExit?.(result);
      for (const w of waiters) w();
      resolve(result);
    });
  });
  const waitForLine = (re: RegExp, timeoutMs = 60_000) =>
    new Promise<CliLine>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no line matching ${re} within ${timeoutMs} ms; output so far:\n${stdout}${stderr}`));
      }, timeoutMs);
      const check = () => {
        const l = lines.find((x) => re.test(x.text));
        if (l || exited) {
          clearTimeout(timer);
          waiters.delete(check);
          if (l) resolve(l);
          else reject(new Error(`the CLI exited without a line matching ${re}:\n${stdout}${stderr}`));
        }
      };
      waiters.add(check);
      check();
    });
  return { lines, done, waitForLine };
}

/** The CLI run to its end (or killed after `timeoutMs`), blocking; `status` is the exit status. */
export function runCliSync(args: string[], timeoutMs = 20_000): SpawnSyncReturns<string> & { ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: repoRoot, env: testEnv({}), encoding: 'utf8', timeout: timeoutMs });
  return { ...r, ms: Date.now() - started };
}

/**
 * The CLI from the sources (`node --import tsx src/cli/main.ts …`), asynchronous so that servers
 * of the test process (stand-ins for an API server) are served meanwhile; killed after `killAfterMs`.
 */
export function runSourceCli(
  args: string[],
  options: { env?: Record<string, string>; killAfterMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'cli', 'main.ts'), ...args], {
    cwd: repoRoot,
    env: testEnv(options.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
