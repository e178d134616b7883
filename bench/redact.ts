/**
 * Redaction benchmark: everything that leaves the process goes through redactSecrets, and the text
 * comes from pull requests of strangers, so its time must be linear. 10 MB of hostile strings (long
 * runs of the characters and near misses each detector keys on), then single 100 KB and 1 MB values
 * through the structural pass as a manifest value would go. Target: 10 MB well under a second.
 */
import { performance } from 'node:perf_hooks';
import { redactAt } from '../src/planner/redact.js';
import { redactSecrets } from '../src/util/redact.js';

const MB = 1 << 20;
const RUNS = 5;

/** One hostile pattern repeated to `bytes`. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

/** Each aimed at one detector: URL authority, tokens, JWTs, PEM, key=value, flags, quotes, base64. */
const HOSTILE: readonly (readonly [string, string])[] = [
  ['@', '@'],
  [':', ':'],
  ['/', '/'],
  ['a', 'a'],
  ['://', '://'],
  ['x://a:b@', 'x://a:b@'],
  ['x://a:b/', 'x://a:b/'],
  ['ghp_ + 35', `ghp_${'x'.repeat(35)}`],
  ['eyJ chain', 'eyJhbGciOiJIUzI1.'],
  ['-----BEGIN without END', '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n'],
  ['a=', 'a='],
  ['password: |', 'password: |\n'],
  ['"token":"', '"token":"'],
  ['--api-key ', '--api-key '],
  ['Bearer ', 'Bearer '],
  ['base64 {"', 'eyJhYmMiOiJkZWYi'],
];

export interface RedactBench {
  readonly totalMb: number;
  /** Sums over the patterns of the per-pattern medians. */
  readonly total: Timing;
  readonly perPattern: readonly { readonly name: string; readonly t: Timing }[];
  readonly value100k: Timing;
  readonly value1m: Timing;
}

/** Wall and CPU milliseconds (user + system of this process: steadier on a shared machine). */
export interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function timed(f: () => void): Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  f();
  const d = process.cpuUsage(cpu);
  return { wallMs: performance.now() - wall, cpuMs: (d.user + d.system) / 1000 };
}

/** Medians of RUNS, wall and CPU each. */
function medianOf(f: () => void): Timing {
  const runs = Array.from({ length: RUNS }, () => timed(f));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}

export function benchRedact(): RedactBench {
  const per = Math.floor((10 * MB) / HOSTILE.length);
  const inputs = HOSTILE.map(([name, unit]) => ({ name, text: fill(unit, per) }));
  for (const { text } of inputs) redactSecrets(text.slice(0, 10_000)); // warm-up
  const perPattern = inputs.map(({ name, text }) => ({ name, t: medianOf(() => redactSecrets(text)) }));
  const total = {
    wallMs: perPattern.reduce((s, p) => s + p.t.wallMs, 0),
    cpuMs: perPattern.reduce((s, p) => s + p.t.cpuMs, 0),
  };
  // A single manifest value (an args element holding a URL-ish hostile string), as the planner sees it.
  const path = ['spec', 'rayClusterConfig', 'headGroupSpec', 'template', 'spec', 'containers', 0, 'args'];
  const value = (bytes: number) => [`--db=https://${fill('a:b@', bytes)}`];
  const v100k = value(100 * 1024);
  const v1m = value(MB);
  return {
    totalMb: (per * HOSTILE.length) / MB,
    total,
    perPattern,
    value100k: medianOf(() => redactAt(path, v100k)),
    value1m: medianOf(() => redactAt(path, v1m)),
  };
}
