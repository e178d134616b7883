/**
 * Cold start of the action: `node dist/index.js` spawned as the runner spawns it, until its first
 * log line; and the size of what it loads. Plan mode never loads the Kubernetes client
 * (dist/kube/index.js), so its start does not pay for it.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

function firstLine(script: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const c = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let done = false;
    c.stdout.on('data', () => {
      if (done) return;
      done = true;
      resolve(performance.now() - t);
      c.kill();
    });
    c.on('error', reject);
    c.on('close', () => {
      if (!done) reject(new Error(`${script} printed nothing`));
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchActionStart(runs = 15): Promise<{ startMs: number; cliStartMs: number; sizes: Record<string, number> }> {
  // A pull_request event without a payload: the action logs its mode first, then stops on the missing payload.
  const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'acme/x', 'INPUT_GITHUB-TOKEN': '' };
  const times: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(await firstLine('dist/index.js', env));
    cli.push(await firstLine('dist/cli.js', {}));
  }
  const sizes = Object.fromEntries(['dist/index.js', 'dist/cli.js', 'dist/kube/index.js'].map((f) => [f, statSync(f).size]));
  return { startMs: median(times), cliStartMs: median(cli), sizes };
}
