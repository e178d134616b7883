/** Cluster-aware plan findings in the action's log (warnings become annotations). */
import * as core from '@actions/core';
import type { Plan } from '../planner/types.js';
import { clusterFindings } from '../render/cluster-findings.js';

export function logClusterFindings(plan: Plan): void {
  for (const f of clusterFindings(plan)) (f.level === 'warning' ? core.warning : core.info)(f.text);
}
