/** The plan as the JSON of the README's contract (`--format json`, the action's `plan` output). */
import type { Plan } from '../planner/types.js';
import type { FleetPlan } from '../targets/types.js';

export function renderJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** A fleet's plan: `{"targets": [{"name", "wave", "plan"}]}`, each plan as a single target's JSON. */
export function renderFleetJson(fleet: FleetPlan): string {
  return `${JSON.stringify(fleet, null, 2)}\n`;
}
