/** The plan as the JSON of the README's contract (`--format json`, the action's `plan` output). */
import type { Plan } from '../planner/types.js';

export function renderJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
