/**
 * Amounts for people, in the units Kubernetes users read: cpu as cores or millicores, byte amounts
 * as Ki/Mi/Gi/Ti, everything else as counts. Only for messages: never parsed back.
 */
import type { ResourceFigures } from '../capacity/capacity.js';

const BINARY: readonly [string, number][] = [
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];

/** `resource` may carry a quota prefix (`requests.memory`, `limits.cpu`): the unit follows the base name. */
export function formatAmount(resource: string, n: number): string {
  if (n < 0) return `-${formatAmount(resource, -n)}`;
  const base = baseResource(resource);
  if (base === 'cpu') {
    const milli = Math.round(n * 1000);
    if (milli > 0 && milli < 1000) return `${milli}m`;
    return trim(milli / 1000, 3);
  }
  if (isByteResource(base)) {
    for (const [suffix, factor] of BINARY) if (n >= factor) return `${trim(n / factor, 2)}${suffix}`;
    return trim(n, 0);
  }
  return trim(n, 3);
}

/** "8 cpu", "32Gi memory", "1 nvidia.com/gpu", "2 pod slots". */
export function formatResourceAmount(resource: string, n: number): string {
  if (resource === 'pods') return `${formatAmount(resource, n)} pod slot${n === 1 ? '' : 's'}`;
  return `${formatAmount(resource, n)} ${resource}`;
}

/** "8 cpu, 32Gi memory, 1 nvidia.com/gpu" in a stable order (cpu, memory, the rest, pods last). */
export function formatFigures(f: ResourceFigures, keys: readonly string[] = Object.keys(f)): string {
  return sortResources(keys)
    .map((k) => formatResourceAmount(k, f[k] ?? 0))
    .join(', ');
}

export function sortResources(keys: readonly string[]): string[] {
  const rank = (k: string) => (k === 'cpu' ? 0 : k === 'memory' ? 1 : k === 'pods' ? 3 : 2);
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** `requests.memory` → `memory`; `count/pods` → `pods`. */
export function baseResource(resource: string): string {
  if (resource === 'count/pods') return 'pods';
  return resource.replace(/^(requests|limits)\./, '');
}

function isByteResource(r: string): boolean {
  return r === 'memory' || r === 'ephemeral-storage' || r === 'storage' || r.startsWith('hugepages-');
}

function trim(n: number, decimals: number): string {
  const f = 10 ** decimals;
  return String(Math.round(n * f) / f);
}
