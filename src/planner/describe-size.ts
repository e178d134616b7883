/** Resource figures in words, for plan reasons and the rendered comment. */
import type { ResourceFigures } from '../capacity/capacity.js';

/** "8 CPU, 32 GiB memory, 2 nvidia.com/gpu, 3 pods" */
export function describeSize(f: ResourceFigures): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (k === 'cpu') parts.push(`${round(v)} CPU`);
    else if (k === 'memory' || k === 'ephemeral-storage' || k.startsWith('hugepages-')) parts.push(`${formatBytes(v)} ${k}`);
    else parts.push(`${round(v)} ${k}`);
  }
  return parts.join(', ') || 'no resources';
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  while (Math.abs(n) >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${round(n)} ${units[i]}`;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
