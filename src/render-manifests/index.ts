/**
 * Rendered manifests (`plan --render`, the action's `render` input): the same renderer runs in the
 * base tree and in the head tree, and the planner plans what they print. An adapter: it runs
 * processes and reads the trees; the planner below it stays pure.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Plan } from '../planner/types.js';
import { relocateError, relocatePlan } from './relocate.js';
import { renderSide, type RenderedSide } from './rendered.js';
import type { RunLimits } from './run.js';
import { parseRenderSpec, type Programs } from './spec.js';

export { RenderError } from './run.js';
export { RenderSpecError, parseRenderSpec } from './spec.js';
export type { RenderedSide } from './rendered.js';

export interface RenderedPair {
  readonly base: RenderedSide;
  readonly head: RenderedSide;
  /** Points the plan's files and lines back to the sources. */
  relocate(plan: Plan): Plan;
  /** Plans with `plan`, relocating both the plan and a refusal that names a rendered line. */
  planWith(plan: () => Promise<Plan> | Plan): Promise<Plan>;
}

export async function renderBoth(
  trees: { readonly base: string; readonly head: string },
  spec: string,
  options: { readonly defaultNamespace: string; readonly limits?: RunLimits },
): Promise<RenderedPair> {
  const command = parseRenderSpec(spec, findPrograms());
  const common = { defaultNamespace: options.defaultNamespace, ...(options.limits ? { limits: options.limits } : {}) };
  const [base, head] = await Promise.all([
    renderSide(trees.base, command, { ...common, side: 'base' }),
    renderSide(trees.head, command, { ...common, side: 'head' }),
  ]);
  const relocate = (p: Plan) => relocatePlan(p, base, head);
  return {
    base,
    head,
    relocate,
    planWith: async (plan) => {
      try {
        return relocate(await plan());
      } catch (e) {
        throw relocateError(e, [base, head]);
      }
    },
  };
}

/** `kustomize build` when kustomize is installed, else kubectl's built-in `kubectl kustomize`. */
export function findPrograms(path = process.env.PATH ?? ''): Programs {
  const onPath = (name: string) =>
    path.split(delimiter).some((dir) => {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return dir !== '';
      } catch {
        return false;
      }
    });
  return { kustomize: onPath('kustomize') ? 'kustomize' : 'kubectl' };
}
