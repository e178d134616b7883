/**
 * The action's `targets` input: the targets file read from the workspace (the checkout the
 * workflow made: under pull_request_target the base branch's, never the pull request's), each
 * target's settings falling back to the action's inputs; and one target as the inputs of a
 * single-target run (a matrix leg, `target`).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { parseTargetsConfig } from '../targets/config.js';
import type { FleetTarget } from '../targets/types.js';
import { ActionInputError, type ActionInputs } from './inputs.js';

/** The targets of the file (only the one the `target` input names, if set); undefined: no file. */
export async function readFleet(inputs: ActionInputs, workspace: string): Promise<FleetTarget[] | undefined> {
  if (!inputs.targets) return undefined;
  const path = join(workspace, inputs.targets);
  if (isAbsolute(inputs.targets) || relative(workspace, path).startsWith('..'))
    throw new ActionInputError(`input targets: "${inputs.targets}" must be a path inside the repository, e.g. .github/rayservice-rollout.yaml`);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new ActionInputError(`input targets: ${inputs.targets} is not in the checkout (check it out with actions/checkout before this step)`);
  });
  const all = parseTargetsConfig(text, inputs.targets, {
    manifests: inputs.manifests,
    kubeconfig: inputs.kubeconfig,
    context: inputs.context,
    kuberayVersion: inputs.kuberayVersion,
    zeroDowntime: inputs.zeroDowntime,
    incrementalGate: inputs.incrementalGate,
    namespace: inputs.namespace,
    failOn: inputs.failOn,
    live: inputs.live,
    prune: inputs.prune,
    onFailure: inputs.onFailure,
    timeoutMs: inputs.timeoutMs,
    fieldManager: inputs.fieldManager,
    forceConflicts: inputs.forceConflicts,
  });
  if (!inputs.target) return all;
  const one = all.find((t) => t.name === inputs.target);
  if (!one) throw new ActionInputError(`input target: ${inputs.target} is not a target of ${inputs.targets} (targets: ${all.map((t) => t.name).join(', ')})`);
  return [one];
}

/** The inputs of one target's run: its manifests, release, settings and credentials source. */
export function inputsFor(inputs: ActionInputs, t: FleetTarget, workspace: string): ActionInputs {
  return {
    ...inputs,
    manifests: [...t.manifests],
    render: t.render ?? '',
    kuberayVersion: t.kuberayVersion,
    zeroDowntime: t.zeroDowntime,
    namespace: t.namespace,
    failOn: [...t.failOn],
    live: t.live,
    prune: t.prune,
    onFailure: t.onFailure,
    timeoutMs: t.timeoutMs,
    fieldManager: t.fieldManager,
    forceConflicts: t.forceConflicts,
    ...(t.incrementalGate !== undefined ? { incrementalGate: t.incrementalGate } : {}),
    // A relative kubeconfig is the repository's path of a file the workflow wrote (never a secret in Git).
    ...(t.kubeconfig ? { kubeconfig: isAbsolute(t.kubeconfig) ? t.kubeconfig : join(workspace, t.kubeconfig) } : {}),
    ...(t.context ? { context: t.context } : {}),
  };
}
