import { describe, expect, it } from 'vitest';
import { checkFit } from '../../src/placement/fit.js';
import type { FitDemand, NodeState, PodShape, QuotaShortfall, QuotaState } from '../../src/placement/types.js';

const GI = 2 ** 30;

/** One roomy node: placement never limits these cases, only quota does. */
const bigNode = (): NodeState => ({
  name: 'n1',
  labels: {},
  taints: [],
  unschedulable: false,
  allocatable: { cpu: 64, memory: 256 * GI, pods: 110, 'nvidia.com/gpu': 8 },
  requested: {},
});

function quota(hard: Record<string, number>, extra: Partial<QuotaState> = {}): QuotaState {
  return { namespace: 'ml', name: 'q', hard, used: {}, scopes: [], ...extra };
}
function shape(count: number, requests: Record<string, number>, extra: Partial<PodShape> = {}): PodShape {
  return { role: 'w', count, requests, limits: {}, nodeSelector: {}, tolerations: [], requiredTerms: [], ...extra };
}
const demand = (pods: PodShape[], namespace = 'ml', id = `${namespace}/svc`): FitDemand => ({ id, namespace, pods });
const shortfall = (resource: string, hard: number, used: number, need: number, message: string): QuotaShortfall => ({
  quota: 'q',
  resource,
  hard,
  used,
  need,
  message,
});

describe('quota admission, per resource and scope', () => {
  const CPU1 = { cpu: 1, memory: GI };
  it.each<[string, QuotaState, PodShape, number, QuotaShortfall[]]>([
    // pods: 1 used of 3, three new pods → two admitted (2, 3), the third would make 4
    [
      'pods',
      quota({ pods: 3 }, { used: { pods: 1 } }),
      shape(3, CPU1),
      2,
      [shortfall('pods', 3, 3, 1, 'ResourceQuota q (ml): pods would reach 4 of 3 — needs 1 more')],
    ],
    // count/pods counts the same way
    [
      'count/pods',
      quota({ 'count/pods': 2 }),
      shape(3, CPU1),
      2,
      [shortfall('count/pods', 2, 2, 1, 'ResourceQuota q (ml): count/pods would reach 3 of 2 — needs 1 more')],
    ],
    // requests.cpu 4 with 1.5 used: 2.5, 3.5 admitted; 4.5 and again 4.5 rejected → need 2, would reach 5.5
    [
      'requests.cpu',
      quota({ 'requests.cpu': 4 }, { used: { 'requests.cpu': 1.5 } }),
      shape(4, CPU1),
      2,
      [shortfall('requests.cpu', 4, 3.5, 2, 'ResourceQuota q (ml): requests.cpu would reach 5.5 of 4 — needs 1.5 more')],
    ],
    // bare cpu means requests; exactly reaching hard is allowed: 4 × 500m = 2, the fifth makes 2.5
    [
      'cpu (bare) reaches hard exactly',
      quota({ cpu: 2 }),
      shape(5, { cpu: 0.5 }),
      4,
      [shortfall('cpu', 2, 2, 0.5, 'ResourceQuota q (ml): cpu would reach 2.5 of 2 — needs 500m more')],
    ],
    // limits.memory counts limits (3Gi) not requests (1Gi): 3, 6 admitted, 9 > 8
    [
      'limits.memory',
      quota({ 'limits.memory': 8 * GI }),
      shape(3, CPU1, { limits: { memory: 3 * GI } }),
      2,
      [shortfall('limits.memory', 8 * GI, 6 * GI, 3 * GI, 'ResourceQuota q (ml): limits.memory would reach 9Gi of 8Gi — needs 1Gi more')],
    ],
    // requests.memory on the same pods: 3 × 1Gi ≤ 8Gi
    ['requests.memory within', quota({ 'requests.memory': 8 * GI }), shape(3, CPU1, { limits: { memory: 3 * GI } }), 3, []],
    // extended resources only as requests.<name>: 5 used of 8, four 1-GPU pods → 6, 7, 8, then 9 rejected
    [
      'requests.nvidia.com/gpu',
      quota({ 'requests.nvidia.com/gpu': 8 }, { used: { 'requests.nvidia.com/gpu': 5 } }),
      shape(4, { ...CPU1, 'nvidia.com/gpu': 1 }),
      3,
      [shortfall('requests.nvidia.com/gpu', 8, 8, 1, 'ResourceQuota q (ml): requests.nvidia.com/gpu would reach 9 of 8 — needs 1 more')],
    ],
    // limits.cpu without any limit on the pod: nothing charged (a LimitRange we cannot see might default one)
    ['limits.cpu, pod without limits', quota({ 'limits.cpu': 0 }), shape(2, CPU1), 2, []],
    // a quota over its hard on a resource these pods do not use does not stop them
    ['over quota on an unused resource', quota({ 'requests.nvidia.com/gpu': 0 }, { used: { 'requests.nvidia.com/gpu': 2 } }), shape(2, CPU1), 2, []],
    // quotas on things that are not pods are ignored
    ['services and storage ignored', quota({ services: 0, 'requests.storage': 0, 'count/configmaps': 0 }), shape(2, CPU1), 2, []],
    // Terminating: only pods with activeDeadlineSeconds; Ray pods have none → not counted
    ['scope Terminating', quota({ pods: 0 }, { scopes: ['Terminating'] }), shape(3, CPU1), 3, []],
    // NotTerminating: counted; hard 1 → 1 admitted, 2 rejected
    [
      'scope NotTerminating',
      quota({ pods: 1 }, { scopes: ['NotTerminating'] }),
      shape(3, CPU1),
      1,
      [shortfall('pods', 1, 1, 2, 'ResourceQuota q (ml): pods would reach 3 of 1 — needs 2 more')],
    ],
    // BestEffort: pods with requests are not BestEffort → not counted
    ['scope BestEffort, pod with requests', quota({ pods: 0 }, { scopes: ['BestEffort'] }), shape(2, CPU1), 2, []],
    // BestEffort: no requests, no limits → counted, hard 0 → both rejected
    [
      'scope BestEffort, best-effort pod',
      quota({ pods: 0 }, { scopes: ['BestEffort'] }),
      shape(2, {}),
      0,
      [shortfall('pods', 0, 0, 2, 'ResourceQuota q (ml): pods would reach 2 of 0 — needs 2 more')],
    ],
    // a limit alone makes a pod burstable, not BestEffort
    ['scope BestEffort, limits only', quota({ pods: 0 }, { scopes: ['BestEffort'] }), shape(1, {}, { limits: { memory: GI } }), 1, []],
    // NotBestEffort: pods with requests counted
    [
      'scope NotBestEffort',
      quota({ pods: 1 }, { scopes: ['NotBestEffort'] }),
      shape(2, CPU1),
      1,
      [shortfall('pods', 1, 1, 1, 'ResourceQuota q (ml): pods would reach 2 of 1 — needs 1 more')],
    ],
    // PriorityClass In, pod in the class → counted
    [
      'PriorityClass In, matching',
      quota({ pods: 0 }, { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } }),
      shape(1, CPU1, { priorityClassName: 'high' }),
      0,
      [shortfall('pods', 0, 0, 1, 'ResourceQuota q (ml): pods would reach 1 of 0 — needs 1 more')],
    ],
    // PriorityClass In, other class → not counted
    [
      'PriorityClass In, other class',
      quota({ pods: 0 }, { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } }),
      shape(1, CPU1, { priorityClassName: 'low' }),
      1,
      [],
    ],
    // NotIn: a pod without class is not in [high] → counted
    [
      'PriorityClass NotIn, no class',
      quota({ pods: 0 }, { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'NotIn', values: ['high'] }] } }),
      shape(1, CPU1),
      0,
      [shortfall('pods', 0, 0, 1, 'ResourceQuota q (ml): pods would reach 1 of 0 — needs 1 more')],
    ],
    // Exists: only pods naming a class
    [
      'PriorityClass Exists, no class',
      quota({ pods: 0 }, { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'Exists' }] } }),
      shape(1, CPU1),
      1,
      [],
    ],
    // DoesNotExist: pods naming none
    [
      'PriorityClass DoesNotExist, no class',
      quota({ pods: 0 }, { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'DoesNotExist' }] } }),
      shape(1, CPU1),
      0,
      [shortfall('pods', 0, 0, 1, 'ResourceQuota q (ml): pods would reach 1 of 0 — needs 1 more')],
    ],
    // CrossNamespacePodAffinity: Ray pods carry no such terms → not counted
    ['scope CrossNamespacePodAffinity', quota({ pods: 0 }, { scopes: ['CrossNamespacePodAffinity'] }), shape(1, CPU1), 1, []],
    // another namespace's quota does not apply
    ['other namespace', quota({ pods: 0 }, { namespace: 'other' }), shape(2, CPU1), 2, []],
  ])('%s', (_n, q, pods, admitted, expected) => {
    const [r] = checkFit({ nodes: [bigNode()], quotas: [q], demands: [demand([pods])] });
    expect(r!.placed).toHaveLength(admitted);
    expect(r!.quota).toEqual(expected);
    expect(r!.verdict).toBe(expected.length > 0 ? 'does-not-fit' : 'fits');
  });
});

describe('quota across pods and demands', () => {
  it('a rejected pod takes no node room', () => {
    // node of 4 cpu; quota allows 1 pod in ml: of two 2-cpu pods one is rejected, so the other
    // namespace's two 1-cpu pods still find 4 − 2 = 2 cpu
    const node: NodeState = { ...bigNode(), allocatable: { cpu: 4, memory: 16 * GI, pods: 110 } };
    const [a, b] = checkFit({
      nodes: [node],
      quotas: [quota({ pods: 1 })],
      demands: [demand([shape(2, { cpu: 2 })]), demand([shape(2, { cpu: 1 })], 'other')],
    });
    expect(a).toMatchObject({
      verdict: 'does-not-fit',
      placed: [{ role: 'w', node: 'n1' }],
      shortfalls: [],
      summary: 'Does not fit: 1 of 2 pods would be rejected at creation (ResourceQuota q (ml): pods would reach 2 of 1 — needs 1 more).',
    });
    expect(b).toMatchObject({ verdict: 'fits', placed: [{}, {}] });
  });

  it('usage accumulates from one RayService to the next', () => {
    // hard 3: the first takes 2, the second's first pod makes 3, its second would make 4
    const results = checkFit({
      nodes: [bigNode()],
      quotas: [quota({ pods: 3 })],
      demands: [demand([shape(2, { cpu: 1 })], 'ml', 'ml/a'), demand([shape(2, { cpu: 1 })], 'ml', 'ml/b')],
    });
    expect(results.map((r) => [r.verdict, r.placed.length])).toEqual([
      ['fits', 2],
      ['does-not-fit', 1],
    ]);
    expect(results[1]!.quota).toEqual([shortfall('pods', 3, 3, 1, 'ResourceQuota q (ml): pods would reach 4 of 3 — needs 1 more')]);
  });

  it('a pod one quota rejects is charged to none', () => {
    // q1 counts pods (10), q2 cpu (1): the second 1-cpu pod overflows q2 only; q1 stays at 1 pod, so it
    // shows no shortfall (1 used + 1 needed ≤ 10)
    const q1 = { ...quota({ pods: 10 }), name: 'q1' };
    const q2 = { ...quota({ 'requests.cpu': 1 }), name: 'q2' };
    const [r] = checkFit({ nodes: [bigNode()], quotas: [q1, q2], demands: [demand([shape(2, { cpu: 1 })])] });
    expect(r!.quota).toEqual([
      { quota: 'q2', resource: 'requests.cpu', hard: 1, used: 1, need: 1, message: 'ResourceQuota q2 (ml): requests.cpu would reach 2 of 1 — needs 1 more' },
    ]);
  });

  it('quota and scheduling shortfalls together', () => {
    // node with 1 GPU; quota lets 2 GPU pods in of 3: one rejected, of the two created one stays Pending
    const node: NodeState = { ...bigNode(), allocatable: { cpu: 64, memory: 256 * GI, pods: 110, 'nvidia.com/gpu': 1 } };
    const [r] = checkFit({ nodes: [node], quotas: [quota({ 'requests.nvidia.com/gpu': 2 })], demands: [demand([shape(3, { cpu: 1, 'nvidia.com/gpu': 1 })])] });
    expect(r).toMatchObject({
      verdict: 'does-not-fit',
      placed: [{ node: 'n1' }],
      shortfalls: [{ role: 'w', unplaced: 1, of: 3 }],
      quota: [{ resource: 'requests.nvidia.com/gpu', used: 2, need: 1 }],
      summary:
        'Does not fit: 1 of 3 worker pods of group w stays Pending — needs 1 more nvidia.com/gpu on any schedulable node; 1 of 3 pods would be rejected at creation (ResourceQuota q (ml): requests.nvidia.com/gpu would reach 3 of 2 — needs 1 more).',
    });
  });
});
