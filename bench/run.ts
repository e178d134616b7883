/** `npm run bench`: every benchmark of the project, figures printed for docs/benchmarks.md. */
import { benchPlanner } from './planner.js';

const r = await benchPlanner();
console.log(`planner: ${r.services} changed RayServices in 20 folders`);
console.log(`  bare parse (yaml, outer + serveConfigV2): ${r.parseMs.toFixed(0)} ms (median of 5)`);
console.log(`  plan (read, parse, normalize, compare, capacity): ${r.planMs.toFixed(0)} ms (median of 5)`);
console.log(`  ratio: ${r.ratio.toFixed(2)}× (target ≤ 3×) ${r.ratio <= 3 ? 'OK' : 'OVER TARGET'}`);
