/**
 * What `--render` (the action's `render` input) names: a shorthand for a renderer or a shell
 * command. Each becomes the program to run in a tree (base or head) and the folder its relative
 * paths start from, so kustomize's origin annotations can be found again in that tree.
 */
import { UserError } from '../util/user-error.js';

export interface RenderCommand {
  /** As the user wrote it: shown in messages and as the name of the rendered output. */
  readonly spec: string;
  /** argv[0] and its arguments; a free-form command runs under `sh -c`. */
  readonly argv: readonly string[];
  /** Folder (relative to the tree) that kustomize's `config.kubernetes.io/origin` paths are relative to. */
  readonly originRoot: string;
  /** What a shorthand renders (the kustomization folder, the chart): absent from a tree, that side is empty. */
  readonly input?: string;
}

/** A `--render` value that names nothing to run. */
export class RenderSpecError extends UserError {}

export interface Programs {
  /** `kustomize` when it is on the PATH; else kubectl's built-in kustomize. */
  readonly kustomize: 'kustomize' | 'kubectl';
}

export function parseRenderSpec(spec: string, programs: Programs): RenderCommand {
  const trimmed = spec.trim();
  if (trimmed === '') throw new RenderSpecError('--render is empty: give kustomize:<dir>, helm:<chart>[:<values file>…] or a command');
  if (trimmed.startsWith('kustomize:')) {
    const dir = relativePath(trimmed.slice('kustomize:'.length), spec);
    const argv = programs.kustomize === 'kustomize' ? ['kustomize', 'build', dir] : ['kubectl', 'kustomize', dir];
    return { spec: trimmed, argv, originRoot: dir, input: dir };
  }
  if (trimmed.startsWith('helm:')) {
    const [chart, ...values] = trimmed.slice('helm:'.length).split(':');
    const chartPath = relativePath(chart ?? '', spec);
    const argv = ['helm', 'template', chartPath, ...values.flatMap((v) => ['--values', relativePath(v, spec)])];
    return { spec: trimmed, argv, originRoot: '.', input: chartPath };
  }
  return { spec: trimmed, argv: ['sh', '-c', trimmed], originRoot: '.' };
}

/**
 * Paths of the shorthands stay inside the tree: relative, without `..` (the same spec runs in the
 * base and the head tree, and a path out of it would render something that is not under review).
 */
function relativePath(path: string, spec: string): string {
  const p = path.trim();
  if (p === '' || p.startsWith('/') || p.startsWith('-') || p.split('/').includes('..')) {
    throw new RenderSpecError(`--render ${JSON.stringify(spec)}: "${p}" must be a path relative to the repository root, without ".." or a leading "-"`);
  }
  return p;
}
