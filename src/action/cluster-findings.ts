/** Cluster-aware plan findings in the action's log (warnings become annotations). */
// @actions/core's output calls through the edge that redacts and neutralizes every string.
import * as core from './output.js';
import type { Plan } from '../planner/types.js';
import { clusterFindings } from '../render/cluster-findings.js';

export function logClusterFindings(plan: Plan): void {
  for (const f of clusterFindings(plan)) (f.level === 'warning' ? core.warning : core.info)(f.text);
}
