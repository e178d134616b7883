/** `npm run bench`: the project's benchmarks, figures printed for docs/benchmarks.md. */
import { spawnSync } from 'node:child_process';
import { benchActionStart } from './action-start.js';
import { benchPlanner } from './planner.js';
import { benchPlacement } from './placement.js';
import { benchRedact } from './redact.js';
import { benchFleet } from './fleet.js';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

if (want('start')) {
  const s = await benchActionStart();
  console.log(
    `action cold start: node dist/index.js to its first log line ${s.startMs.toFixed(0)} ms (median of 15); dist/cli.js to its help ${s.cliStartMs.toFixed(0)} ms`,
  );
  for (const [f, n] of Object.entries(s.sizes)) console.log(`  ${f}: ${(n / 1024 / 1024).toFixed(2)} MiB`);
}

if (want('planner')) {
  const r = await benchPlanner();
  console.log(`planner: ${r.services} changed RayServices in 20 folders`);
  console.log(`  bare parse (yaml, outer + serveConfigV2): ${r.parseMs.toFixed(0)} ms (median of 5)`);
  console.log(`  plan (read, parse, normalize, compare, capacity): ${r.planMs.toFixed(0)} ms (median of 5)`);
  console.log(`  ratio: ${r.ratio.toFixed(2)}× (target ≤ 3×) ${r.ratio <= 3 ? 'OK' : 'OVER TARGET'}`);
}

if (want('fleet')) {
  const r = await benchFleet();
  const line = (x: { ms: number; cpuMs: number; commentChars: number }) =>
    `${x.ms.toFixed(0)} ms wall, ${x.cpuMs.toFixed(0)} ms CPU (medians of 5), comment ${x.commentChars.toLocaleString('en')} characters`;
  console.log(`fleet: ${r.targets} targets × ${r.services / r.targets} RayServices, Git-only plan --targets (read, plan, render)`);
  console.log(`  a typical change (5 RayServices in each of 2 targets): ${line(r.typical)}`);
  console.log(`  every RayService of every target changed: ${line(r.worst)}`);
}

if (want('placement')) {
  const r = benchPlacement();
  console.log(`will it fit: ${r.nodes} nodes, ${r.boundPods} bound pods, ${r.newPods} new pods of 100 RayServices`);
  console.log(`  nodes and pods → free room: ${r.readMs.toFixed(0)} ms; placement of every new pod: ${r.fitMs.toFixed(0)} ms (medians of 5)`);
  console.log(
    `  verdicts: ${Object.entries(r.verdicts)
      .map(([v, n]) => `${n} ${v}`)
      .join(', ')}`,
  );
}

if (want('redact')) {
  const r = benchRedact();
  const ms = (t: { wallMs: number; cpuMs: number }) => `${t.wallMs.toFixed(0)} ms wall, ${t.cpuMs.toFixed(0)} ms CPU`;
  console.log(
    `redaction: ${r.totalMb.toFixed(0)} MB of hostile strings in ${r.perPattern.length} patterns: ${ms(r.total)} (sums of medians of 5; target well under 1 s)`,
  );
  for (const p of r.perPattern) console.log(`  ${p.name}: ${ms(p.t)}`);
  console.log(`  one manifest value of 100 KB: ${ms(r.value100k)}; of 1 MB: ${ms(r.value1m)}`);
}

if (want('rollout')) {
  // Its own process: it starts a local control plane (needs the test binaries, built on first use).
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/rollout.ts', '5'], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
