/**
 * A short name for a changed field, for people: relative to the group it belongs to and named by
 * group, container and env variable (`gpu-workers › ray-worker › env[HF_TOKEN]`), where the dotted
 * path says `workerGroupSpecs[1].template.spec.containers[0].env[2]`. The path stays the contract's
 * key; the label is what the comment shows.
 */
import type { PathSegment } from '../manifests/yaml-documents.js';
import { formatPath, valueAt } from '../util/structural-diff.js';

const SEP = ' › ';
const POD_LISTS = new Set(['containers', 'initContainers']);

/** `root` is the manifest the path points into (head, or base for a removal). */
export function fieldLabel(path: readonly PathSegment[], root: unknown): string {
  const [spec, section, ...rest] = path;
  if (spec !== 'spec') return formatPath(path);
  if (section !== 'rayClusterConfig') return `RayService${SEP}${formatPath(path.slice(1))}`;
  const [group, index, ...inGroup] = rest;
  if (group === 'headGroupSpec') return groupLabel('head', [group], [index, ...inGroup].filter((s) => s !== undefined) as PathSegment[], root);
  if (group === 'workerGroupSpecs' && typeof index === 'number') {
    const name = nameAt(root, ['spec', 'rayClusterConfig', group, index, 'groupName']) ?? `worker group ${index}`;
    return groupLabel(name, [group, index], inGroup, root);
  }
  return `cluster${SEP}${formatPath(rest)}`;
}

/** Inside a group: the pod template's containers by name, env variables by name. */
function groupLabel(name: string, groupPath: readonly PathSegment[], inGroup: readonly PathSegment[], root: unknown): string {
  if (inGroup.length === 0) return `${name}${SEP}(whole group)`;
  const [template, spec, list, index, ...inContainer] = inGroup;
  const base = ['spec', 'rayClusterConfig', ...groupPath];
  if (template !== 'template' || spec !== 'spec') return `${name}${SEP}${formatPath(inGroup)}`;
  if (typeof list !== 'string' || !POD_LISTS.has(list) || typeof index !== 'number') return `${name}${SEP}${formatPath(inGroup.slice(2))}`;
  const container = nameAt(root, [...base, template, spec, list, index, 'name']) ?? `${list}[${index}]`;
  const prefix = `${name}${SEP}${list === 'initContainers' ? 'init ' : ''}${container}`;
  if (inContainer.length === 0) return `${prefix}${SEP}(whole container)`;
  return `${prefix}${SEP}${containerField(inContainer, root, [...base, template, spec, list, index])}`;
}

/** `env[2].value` → `env[HF_TOKEN]`; other fields as dotted paths. */
function containerField(path: readonly PathSegment[], root: unknown, containerPath: readonly PathSegment[]): string {
  const [field, index, ...rest] = path;
  if (field === 'env' && typeof index === 'number') {
    const name = nameAt(root, [...containerPath, 'env', index, 'name']);
    if (name !== undefined) return `env[${name}]${rest.length && rest[0] !== 'value' ? `.${formatPath(rest)}` : ''}`;
  }
  return formatPath(path);
}

function nameAt(root: unknown, path: readonly PathSegment[]): string | undefined {
  const v = valueAt(root, path);
  return typeof v === 'string' && v !== '' ? v : undefined;
}
