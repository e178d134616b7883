/**
 * The catalogs of words, entry by entry: every renderer gives English from sample data (each branch
 * of a renderer has a sample), never "undefined", "NaN" or "[object"; the data survives JSON, so
 * the words can be rendered again from the plan JSON alone.
 */
import { describe, expect, it } from 'vitest';
import type { StrategyDisabledBy } from '../../src/kuberay/upgrade-strategy.js';
import { FIELD_NOTES, NOTES, REASONS, type WorkerGroupMoves } from '../../src/planner/wording/index.js';
import { HEALTH, HINTS } from '../../src/rollout/wording.js';
import type { Catalog, DataArgs } from '../../src/util/wording.js';

/** Sample data for every entry of a catalog (a list where the words branch on the data). */
type Samples<C extends Catalog> = { readonly [K in keyof C]: readonly DataArgs<C, K>[] };

const v = { version: '1.6.2' };
const none: [] = [];
const moves = { removed: [], reordered: false, added: [] };
const refusal = { ...v, error: 'spec.x is invalid', eventReason: 'InvalidRayServiceSpec', condition: true, assumedGates: [] };
const running = { version: '1.7.0', detail: 'ray-system/kuberay-operator, image kuberay/operator:v1.7.0' };
const whose = { fieldManager: 'rayservice-rollout', managers: ['helm (Apply)'], more: 0 };

const REASON_SAMPLES: Samples<typeof REASONS> = {
  'service.create': [[{ size: { cpu: 2, memory: 4 * 1024 ** 3 } }], [{ size: {} }]],
  'service.delete': [[{ prune: true }], [{ prune: false }]],
  'service.created-suspended': [[v]],
  'service.stays-suspended': [[{ ...v, changesWait: true }], [{ ...v, changesWait: false }]],
  'service.suspend': [[v]],
  'service.resume': [[v]],
  'service.managed-by': [[{ manager: 'kueue.x-k8s.io/multikueue' }]],
  'service.api-version-v1alpha1': [[{ deprecated: true }], [{ deprecated: false }]],
  'validation.rejected': [[refusal], [{ ...refusal, condition: false, assumedGates: ['A', 'B'] }]],
  'validation.still-rejected': [[refusal], [{ ...refusal, assumedGates: ['A'] }]],
  'pod.still-refused': [
    [{ object: 'Pod', group: 'gpu', message: 'must be an integer', more: 0 }],
    [{ object: 'Service', group: 'head', message: 'Duplicate value', more: 2 }],
  ],
  'cluster.hash-changed': [
    [{ ...v, fields: ['rayVersion'], groups: moves }],
    [{ ...v, fields: ['a', 'b', 'c', 'd', 'e'], groups: { ...moves, renamed: ['cpu', 'gpu'] } }],
  ],
  'cluster.hash-changed-incremental': [
    [{ ...v, fields: ['rayVersion'], groups: moves, stepSizePercent: 10, intervalSeconds: 30, maxSurgePercent: 20 }],
    [{ ...v, fields: ['rayVersion'], groups: { removed: ['a'], reordered: true, added: ['b'], addedAs: 'inserted' } }],
  ],
  'cluster.hash-changed-ignored': [
    ...(['type-none', 'type-unknown', 'incremental-unsupported', 'incremental-gate-off', 'zero-downtime-off'] as const).map(
      (disabledBy): [{ fields: string[]; groups: WorkerGroupMoves; disabledBy: StrategyDisabledBy; requested: string; version: string; minor: string }] => [
        {
          fields: ['rayVersion'],
          groups: { ...moves, added: ['b', 'c'], addedAs: 'appended-with-changes' },
          disabledBy,
          requested: 'Blue',
          ...v,
          minor: '1.6',
        },
      ],
    ),
    [{ fields: ['rayVersion'], groups: { removed: ['a'], reordered: false, added: ['b'], addedAs: 'added' }, ...v, minor: '1.6' }],
  ],
  'cluster.appended-group': [[{ ...v, groups: ['gpu'] }], [{ ...v, groups: ['gpu', 'cpu'] }]],
  'cluster.hash-blanked': [
    [{ ...v, fields: ['workerGroupSpecs[0].replicas'], replicas: true, others: false, autoscaling: true }],
    [{ ...v, fields: ['a', 'b'], replicas: true, others: true, autoscaling: false }],
  ],
  'cluster.suspend-toggle-in-place': [[v]],
  'cluster.upgrade-strategy-refused': [[v]],
  'cluster.head-no-dashboard-port': [[{ line: 12 }]],
  'capacity.both-clusters': [[{ peak: { cpu: 8, 'nvidia.com/gpu': 2 }, deletionDelaySeconds: 60 }]],
  'serve.in-place': [[{ apps: [{ path: 'applications[a].deployments[D].num_replicas', effect: 'deployment-scaled' }] }]],
  'serve.serve-fixed-at-start': [none],
  'serve.also-to-old-cluster': [[v]],
  'serve.new-cluster-only': [none],
  'none.formatting-only': [none],
  'none.metadata-only': [none],
  'none.settings-only': [[{ paths: ['spec.upgradeStrategy.type'] }]],
  'metadata.annotation-read': [[{ annotation: 'ray.io/initializing-timeout' }]],
  'live.being-deleted': [none],
  'live.initializing-timeout': [none],
  'live.incremental-revert': [[{ ...v, active: 'rs-a', pending: 'rs-b' }]],
};

const NOTE_SAMPLES: Samples<typeof NOTES> = {
  'cluster.unreachable': [[{ error: 'no Kubernetes cluster configured' }]],
  'cluster.read-forbidden': [[{ read: 'list nodes' }], [{ read: 'read kube-system/cluster-autoscaler-status', unknown: 'scale-up' }]],
  'cluster.read-failed': [[{ read: 'list nodes', error: 'HTTP 500' }]],
  'live.replica-reset': [
    [{ cluster: 'rs-abcde', groups: [{ group: 'cpu', running: 3, desired: 1 }] }],
    [
      {
        cluster: 'rs-abcde',
        groups: [
          { group: 'gpu', running: 0, desired: 1 },
          { group: 'cpu', running: 1, desired: 2 },
        ],
      },
    ],
  ],
  'operator.version-unknown': [[{ input: '1.6' }]],
  'operator.newer-than-known': [[{ ...running, uses: '1.7.0' }]],
  'operator.older-than-known': [[{ ...running, input: '1.6' }]],
  'operator.version-differs': [[{ ...running, input: '1.6' }]],
  'operator.zero-downtime': [[{ operator: false, input: true, detail: running.detail }]],
  'operator.feature-gate': [
    [{ gate: 'RayServiceIncrementalUpgrade', on: true, detail: running.detail, setByFlag: true, version: '1.7.0' }],
    [{ gate: 'RayServiceIncrementalUpgrade', on: false, detail: running.detail, setByFlag: false, input: true, version: '1.7.0' }],
  ],
  'operator.no-init-container': [[{ detail: running.detail }]],
  'live.absent': [none],
  'live.unreadable': [none],
  'live.no-cluster-yet': [none],
  'live.matches-head': [none],
  'live.cluster-differs-from-service': [[{ cluster: 'rs-a' }]],
  'live.rollback-in-progress': [none],
  'live.incremental-rollback-first': [[{ ...v, active: 'rs-a', pending: 'rs-b' }]],
  'live.upgrade-in-progress': [[{ pending: 'rs-b', active: 'rs-a', pendingRead: true }], [{ pending: 'rs-b', pendingRead: false }]],
  'live.pending-extended': [[{ pending: 'rs-b', active: 'rs-a' }], [{ pending: 'rs-b' }]],
  'live.pending-abandoned': [[{ pending: 'rs-b' }]],
  'live.pending-kept': [[{ pending: 'rs-b', serveChanged: true }], [{ pending: 'rs-b', serveChanged: false }]],
  'live.operator-refresh': [[{ ...running, cluster: 'rs-a', builtBy: 'v1.6.2', upgradeInProgress: true }]],
  'live.no-dry-run': [
    [{ because: 'forbidden', namespace: 'default' }],
    [{ because: 'not-found', message: 'namespaces "ml" not found' }],
    [{ because: 'failed', message: 'HTTP 500' }],
  ],
  'live.apply-keeps-fields': [[{ fields: ['spec.a'] }], [{ fields: ['spec.a', 'spec.b', 'spec.c', 'spec.d'] }]],
  'live.apply-conflict': [[{ conflict: 'conflict with "kubectl" using ray.io/v1: .spec.x' }]],
  'prune.gone': [none],
  'prune.not-ours': [[whose], [{ ...whose, managers: [], more: 0 }], [{ ...whose, more: 12 }]],
};

const FIELD_NOTE_SAMPLES: Samples<typeof FIELD_NOTES> = {
  'cluster.hash-blanked': [[v]],
  'cluster.appended-group': [none],
  'cluster.suspend-toggle-in-place': [none],
  'service.stays-suspended': [none],
  'service.setting.<key>': [
    'upgradeStrategy',
    'rayClusterDeletionDelaySeconds',
    'serviceUnhealthySecondThreshold',
    'serveService',
    'excludeHeadPodFromServeSvc',
    'suspend',
    'managedBy',
    'other',
  ].flatMap((key) => [true, false].map((suspendField): [{ key: string; version: string; suspendField: boolean }] => [{ key, ...v, suspendField }])),
  'metadata.annotation-read': [none],
  'metadata.labels-not-copied': [none],
  'metadata.annotations-not-copied': [none],
  'serve.app-added': [none],
  'serve.app-removed': [none],
  'serve.app-redeployed': [none],
  'serve.app-route': [none],
  'serve.deployment-added': [none],
  'serve.deployment-removed': [none],
  'serve.deployment-reconfigured': [none],
  'serve.deployment-scaled': [none],
  'serve.deployment-restarted': [none],
  'serve.serve-fixed-at-start': [none],
  'serve.serve-options': [none],
};

const HINT_SAMPLES: Samples<typeof HINTS> = {
  'initializing-timeout-terminal': [none],
  'fix-the-spec': [none],
  'cluster-upgrade-strategy': [none],
  'no-upgrade-timeout': [[{ pending: 'rs-b', active: 'rs-a' }], [{ pending: 'rs-b' }]],
  'serve-endpoints': [none],
  'serve-logs': [none],
  'status-frozen': [none],
  'zero-downtime-disabled': [none],
  'operator-just-upgraded': [none],
  'room-for-both-clusters': [
    [{ active: 'rs-a', pending: 'rs-b', failed: true }],
    [{ active: 'rs-a', failed: true }],
    [{ active: 'rs-a', pending: 'rs-b', failed: false }],
  ],
  'no-room': [none],
  'container-crashing': [[{ namespace: 'default', pod: 'rs-b-head-x' }]],
  'missing-config': [none],
  'image-pull': [none],
  'no-observation': [none],
  'operator-not-watching': [[{ namespace: 'default' }]],
  'smoke-request-failed': [none],
  'pod-logs-forbidden': [none],
  'unhealthy-before': [none],
};

const who = { pod: 'rs-a-gpu-0', cluster: 'rs-a' };
const HEALTH_SAMPLES: Samples<typeof HEALTH> = {
  'health.validation-failed': [[{ message: 'spec.x: invalid' }], [{}]],
  'health.upgrade-stuck': [[{ pending: 'rs-b', active: 'rs-a', ready: 1, pods: 2 }]],
  'health.upgrade-pending': [[{ pending: 'rs-b' }]],
  'health.pod-unschedulable': [[{ ...who, nodeType: 'worker', group: 'gpu', message: '0/3 nodes are available' }], [who]],
  'health.pod-waiting': [[{ ...who, reason: 'ImagePullBackOff', message: 'not found' }], [{ ...who, reason: 'CrashLoopBackOff' }]],
  'health.app-failed': [
    [{ app: 'fruit', cluster: 'rs-a', status: 'DEPLOY_FAILED', message: 'import error', deployments: [] }],
    [{ app: 'fruit', cluster: 'rs-a', status: 'UNHEALTHY', deployments: [{ name: 'Mango', status: 'UNHEALTHY', message: 'replica died' }] }],
  ],
};

const CASES = [
  { catalog: 'reasons', words: REASONS as Catalog, samples: REASON_SAMPLES as Record<string, readonly unknown[][]> },
  { catalog: 'notes', words: NOTES as Catalog, samples: NOTE_SAMPLES as Record<string, readonly unknown[][]> },
  { catalog: 'field notes', words: FIELD_NOTES as Catalog, samples: FIELD_NOTE_SAMPLES as Record<string, readonly unknown[][]> },
  { catalog: 'hints', words: HINTS as Catalog, samples: HINT_SAMPLES as Record<string, readonly unknown[][]> },
  { catalog: 'health', words: HEALTH as Catalog, samples: HEALTH_SAMPLES as Record<string, readonly unknown[][]> },
].flatMap(({ catalog, words, samples }) =>
  Object.keys(words).flatMap((id) =>
    (samples[id] ?? []).map((args, i) => ({ catalog, id, i, render: words[id] as (d: unknown) => string, data: args[0] ?? {} })),
  ),
);

describe('the catalogs of words', () => {
  it.each([
    ['reasons', REASONS, REASON_SAMPLES],
    ['notes', NOTES, NOTE_SAMPLES],
    ['field notes', FIELD_NOTES, FIELD_NOTE_SAMPLES],
    ['hints', HINTS, HINT_SAMPLES],
    ['health', HEALTH, HEALTH_SAMPLES],
  ] as const)('%s: every entry has sample data', (_name, words, samples) => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(words).sort());
  });

  it.each(CASES)('$catalog $id (sample $i): English without holes', ({ render, data }) => {
    const text = render(data);
    expect(text.trim().length).toBeGreaterThan(10);
    expect(text).not.toMatch(/undefined|NaN|\[object|null/);
  });

  it.each(CASES)('$catalog $id (sample $i): the data survives JSON and renders the same words', ({ render, data }) => {
    expect(render(JSON.parse(JSON.stringify(data)))).toBe(render(data));
  });
});
