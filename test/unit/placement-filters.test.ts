import { describe, expect, it } from 'vitest';
import { REASON_AFFINITY, REASON_UNSCHEDULABLE, nonResourceFailure, type NodeLike } from '../../src/placement/match.js';
import type { NodeSelectorTerm, PodShape, Taint, Toleration } from '../../src/placement/types.js';

// The non-resource filters one at a time: each row is a node, a pod's constraints, and the first
// failure kube-scheduler would report for that node (undefined: the node passes).

const GPU_TAINT: Taint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };

function node(extra: Partial<NodeLike> = {}): NodeLike {
  return { name: 'node-a', labels: {}, taints: [], unschedulable: false, ...extra };
}
function pod(extra: { nodeSelector?: Record<string, string>; tolerations?: Toleration[]; requiredTerms?: NodeSelectorTerm[] } = {}): PodShape {
  return { role: 'w', count: 1, requests: {}, limits: {}, nodeSelector: {}, tolerations: [], requiredTerms: [], ...extra };
}
const taintReason = (t: Taint) => `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;
const term = (...matchExpressions: { key: string; operator: string; values?: string[] }[]): NodeSelectorTerm => ({ matchExpressions });

describe('nodeSelector', () => {
  it.each<[string, NodeLike, PodShape, string | undefined]>([
    // every pair present with the same value
    ['match', node({ labels: { accelerator: 'a100', zone: 'a' } }), pod({ nodeSelector: { accelerator: 'a100' } }), undefined],
    // same key, other value
    ['value differs', node({ labels: { accelerator: 't4' } }), pod({ nodeSelector: { accelerator: 'a100' } }), REASON_AFFINITY],
    // the node lacks the key altogether
    ['key missing', node(), pod({ nodeSelector: { accelerator: 'a100' } }), REASON_AFFINITY],
    // all pairs must hold, one failing is enough
    [
      'one of two pairs differs',
      node({ labels: { accelerator: 'a100', zone: 'b' } }),
      pod({ nodeSelector: { accelerator: 'a100', zone: 'a' } }),
      REASON_AFFINITY,
    ],
  ])('%s', (_n, n, p, expected) => {
    expect(nonResourceFailure(p, n)).toBe(expected);
  });
});

describe('taints and tolerations', () => {
  const tainted = (t: Taint) => node({ taints: [t] });
  it.each<[string, Taint, Toleration[], string | undefined]>([
    // NoSchedule and no toleration at all
    ['untolerated NoSchedule', GPU_TAINT, [], taintReason(GPU_TAINT)],
    // Equal (the default operator) with key and value
    ['Equal key+value', GPU_TAINT, [{ key: 'nvidia.com/gpu', value: 'present' }], undefined],
    // Equal with the wrong value does not cover it
    ['Equal, other value', GPU_TAINT, [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'absent' }], taintReason(GPU_TAINT)],
    // a taint without value is matched by an Equal toleration without value ("" = "")
    ['Equal, both without value', { key: 'dedicated', effect: 'NoSchedule' }, [{ key: 'dedicated', operator: 'Equal' }], undefined],
    // Exists with the key: any value
    ['Exists with key', GPU_TAINT, [{ key: 'nvidia.com/gpu', operator: 'Exists' }], undefined],
    // Exists without key tolerates every taint
    ['Exists, empty key', { key: 'anything', value: 'x', effect: 'NoExecute' }, [{ operator: 'Exists' }], undefined],
    // an effect on the toleration must equal the taint's
    ['effect differs', GPU_TAINT, [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoExecute' }], taintReason(GPU_TAINT)],
    // the same effect specified
    ['effect specified and equal', GPU_TAINT, [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }], undefined],
    // no effect on the toleration: covers every effect
    ['effect empty covers NoExecute', { key: 'k', value: 'v', effect: 'NoExecute' }, [{ key: 'k', value: 'v' }], undefined],
    // PreferNoSchedule only lowers a score kube-scheduler does not filter on
    ['PreferNoSchedule ignored', { key: 'spot', value: 'true', effect: 'PreferNoSchedule' }, [], undefined],
    // NoExecute blocks scheduling like NoSchedule
    ['untolerated NoExecute', { key: 'dedicated', value: 'infra', effect: 'NoExecute' }, [], 'node(s) had untolerated taint {dedicated: infra}'],
    // the key must match for Exists-with-key
    ['Exists, other key', GPU_TAINT, [{ key: 'amd.com/gpu', operator: 'Exists' }], taintReason(GPU_TAINT)],
  ])('%s', (_n, t, tolerations, expected) => {
    expect(nonResourceFailure(pod({ tolerations }), tainted(t))).toBe(expected);
  });

  it('reports the first untolerated taint when several are', () => {
    // second taint tolerated, first not → the first is named
    const n = node({ taints: [{ key: 'a', value: '1', effect: 'NoSchedule' }, GPU_TAINT] });
    expect(nonResourceFailure(pod({ tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }] }), n)).toBe('node(s) had untolerated taint {a: 1}');
  });
});

describe('cordoned nodes and filter order', () => {
  it.each<[string, NodeLike, PodShape, string | undefined]>([
    // spec.unschedulable
    ['cordoned', node({ unschedulable: true }), pod(), REASON_UNSCHEDULABLE],
    // tolerating node.kubernetes.io/unschedulable:NoSchedule lets a pod onto a cordoned node
    [
      'cordon tolerated',
      node({ unschedulable: true }),
      pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }),
      undefined,
    ],
    // NodeUnschedulable runs before NodeAffinity: the cordon is reported
    ['cordon before selector', node({ unschedulable: true }), pod({ nodeSelector: { a: 'b' } }), REASON_UNSCHEDULABLE],
    // NodeAffinity runs before TaintToleration: the selector is reported
    ['selector before taint', node({ taints: [GPU_TAINT] }), pod({ nodeSelector: { a: 'b' } }), REASON_AFFINITY],
  ])('%s', (_n, n, p, expected) => {
    expect(nonResourceFailure(p, n)).toBe(expected);
  });
});

describe('required node affinity', () => {
  const labelled = node({ name: 'node-a', labels: { zone: 'a', cores: '8', accelerator: 'a100' } });
  it.each<[string, NodeSelectorTerm[], boolean]>([
    // In: the label's value is listed
    ['In, listed', [term({ key: 'zone', operator: 'In', values: ['a', 'b'] })], true],
    // In: not listed
    ['In, not listed', [term({ key: 'zone', operator: 'In', values: ['b'] })], false],
    // In: label absent
    ['In, absent', [term({ key: 'pool', operator: 'In', values: ['x'] })], false],
    // NotIn: value not listed
    ['NotIn, not listed', [term({ key: 'zone', operator: 'NotIn', values: ['b'] })], true],
    // NotIn: value listed
    ['NotIn, listed', [term({ key: 'zone', operator: 'NotIn', values: ['a'] })], false],
    // NotIn: an absent label is "not in"
    ['NotIn, absent', [term({ key: 'pool', operator: 'NotIn', values: ['x'] })], true],
    // Exists / DoesNotExist
    ['Exists', [term({ key: 'accelerator', operator: 'Exists' })], true],
    ['Exists, absent', [term({ key: 'pool', operator: 'Exists' })], false],
    ['DoesNotExist', [term({ key: 'pool', operator: 'DoesNotExist' })], true],
    ['DoesNotExist, present', [term({ key: 'zone', operator: 'DoesNotExist' })], false],
    // Gt/Lt compare numerically: 8 > 4, not 8 > 16; 8 < 16, not 8 < 4
    ['Gt true', [term({ key: 'cores', operator: 'Gt', values: ['4'] })], true],
    ['Gt false', [term({ key: 'cores', operator: 'Gt', values: ['16'] })], false],
    ['Lt true', [term({ key: 'cores', operator: 'Lt', values: ['16'] })], true],
    ['Lt false', [term({ key: 'cores', operator: 'Lt', values: ['4'] })], false],
    // Gt on an absent label fails
    ['Gt, absent', [term({ key: 'memory-gb', operator: 'Gt', values: ['1'] })], false],
    // requirements within a term are ANDed
    ['AND within a term', [term({ key: 'zone', operator: 'In', values: ['a'] }, { key: 'pool', operator: 'Exists' })], false],
    // terms are ORed: the second term matches
    ['OR across terms', [term({ key: 'zone', operator: 'In', values: ['b'] }), term({ key: 'accelerator', operator: 'In', values: ['a100'] })], true],
    // matchFields on metadata.name
    ['matchFields name In', [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-a'] }] }], true],
    ['matchFields name other', [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-b'] }] }], false],
    ['matchFields name NotIn', [{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-b'] }] }], true],
    // kube-scheduler: an empty term selects nothing
    ['empty term', [{}], false],
    // an unknown operator never matches
    ['unknown operator', [term({ key: 'zone', operator: 'Like', values: ['a'] })], false],
  ])('%s', (_n, requiredTerms, passes) => {
    expect(nonResourceFailure(pod({ requiredTerms }), labelled)).toBe(passes ? undefined : REASON_AFFINITY);
  });

  it('nodeSelector and affinity must both hold', () => {
    // affinity matches (zone a) but the selector asks for accelerator t4
    const p = pod({ nodeSelector: { accelerator: 't4' }, requiredTerms: [term({ key: 'zone', operator: 'In', values: ['a'] })] });
    expect(nonResourceFailure(p, labelled)).toBe(REASON_AFFINITY);
  });
});
