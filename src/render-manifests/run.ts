/**
 * Runs a renderer in a tree, bounded: a time limit (the whole process group is killed when it runs
 * out), a cap on what it prints, and an environment without the run's tokens (the renderer runs
 * repository content: a Helm chart's templates, a kustomize plugin, a script). A failure is a
 * refusal quoting the end of the renderer's own words, redacted.
 */
import { spawn } from 'node:child_process';
import { isSecretName, redactSecrets } from '../util/redact.js';
import { UserError } from '../util/user-error.js';
import type { RenderCommand } from './spec.js';

/** The renderer failed, ran too long or printed too much: the plan cannot be made. */
export class RenderError extends UserError {}

export interface RunLimits {
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
}

export const DEFAULT_LIMITS: RunLimits = { timeoutMs: 120_000, maxOutputBytes: 8 * 1024 * 1024 };
const STDERR_KEPT = 4096;

export function renderEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    // The action's inputs (the GitHub token among them) and the runner's own tokens stay out.
    if (k.startsWith('INPUT_') || k.startsWith('ACTIONS_') || isSecretName(k)) continue;
    out[k] = v;
  }
  return out;
}

/** Runs `command` in `cwd` and returns what it printed on stdout. */
export function runRenderer(command: RenderCommand, cwd: string, side: string, limits: RunLimits = DEFAULT_LIMITS): Promise<string> {
  return new Promise((resolve, reject) => {
    const [program, ...args] = command.argv;
    const child = spawn(program!, args, { cwd, env: renderEnv(process.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let stopped: string | undefined;
    const stop = (why: string) => {
      stopped ??= why;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => stop(`did not finish within ${limits.timeoutMs / 1000} s`), limits.timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      size += d.length;
      if (size > limits.maxOutputBytes) return stop(`printed more than ${limits.maxOutputBytes / 1024 / 1024} MiB`);
      chunks.push(d);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-STDERR_KEPT);
    });
    const fail = (what: string) => reject(new RenderError(`--render ${JSON.stringify(command.spec)} in the ${side} tree ${what}${quote(stderr)}`));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(e.code === 'ENOENT' ? `could not start: ${program} is not installed (or not on the PATH)` : `could not start: ${e.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (stopped) return fail(stopped);
      if (code !== 0) return fail(`failed (${signal ? `signal ${signal}` : `exit status ${code}`})`);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

/** The last lines of the renderer's stderr, redacted, on one line (the refusal is one line). */
function quote(stderr: string): string {
  const lines = redactSecrets(stderr).trim().split('\n').slice(-6).join(' ⏎ ').trim();
  return lines ? `: ${lines}` : '';
}
