/**
 * The situations the golden files show: what a reviewer sees in the plan comment, and what the
 * apply's job summary and merged-PR comment show, rendered from real plans and real state-machine
 * runs. `test/unit/golden.test.ts` compares; `npm run golden` rewrites; `npm run preview` draws them.
 */
import { plan } from '../../src/planner/plan.js';
import type { Plan } from '../../src/planner/types.js';
import { renderMarkdown, type MarkdownOptions } from '../../src/render/markdown.js';
import { renderOutcomes, type OutcomeRow } from '../../src/render/rollout-markdown.js';
import { manifestsFromTexts } from '../../src/manifests/load.js';
import { A, P, appsIn, cluster, clusterPods, play, pod, rs, running, snap, t, unschedulable, warning } from '../fixtures/rollout-snapshots.js';
import { healthOf } from '../../src/rollout/health.js';
import { type Obj, rayService, set, toYaml, workerGroup } from '../fixtures/rayservice.js';

const LINKS: MarkdownOptions = {
  links: {
    repoUrl: 'https://github.com/acme/ml-platform',
    headSha: '9f2c4e1d7a3b5c6d8e0f1a2b3c4d5e6f7a8b9c0d',
    baseSha: '1a2b3c4d5e6f7a8b9c0d9f2c4e1d7a3b5c6d8e0f',
  },
  footer: '<sub>[Workflow run](https://github.com/acme/ml-platform/actions/runs/1) · rayservice-rollout · base `1a2b3c4` → head `9f2c4e1`</sub>',
};

const head0 = (rs: Obj) => rs.spec.rayClusterConfig.headGroupSpec.template.spec.containers[0];
const worker0 = (rs: Obj, i = 0) => rs.spec.rayClusterConfig.workerGroupSpecs[i].template.spec.containers[0];

/** A worker group of `gpus` GPUs per pod, pinned to `accelerator` by nodeSelector (or by affinity). */
function gpuGroup(name: string, gpus: number, accelerator: Record<string, string> | { affinity: [string, string] }, extra: Obj = {}): Obj {
  const g = workerGroup(name, { replicas: 2, minReplicas: 2, maxReplicas: 4, ...extra });
  g.template.spec.containers[0].resources = {
    requests: { cpu: '46', memory: '350Gi', 'nvidia.com/gpu': gpus },
    limits: { cpu: '46', memory: '350Gi', 'nvidia.com/gpu': gpus },
  };
  if ('affinity' in accelerator) {
    const [key, value] = accelerator.affinity as [string, string];
    g.template.spec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }] },
      },
    };
  } else g.template.spec.nodeSelector = accelerator;
  g.template.spec.tolerations = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
  return g;
}

function pair(names: string[], change: (name: string, rs: Obj) => void, shape: (name: string, rs: Obj) => void = () => {}) {
  const base = names.map((n) => rayService((rs) => shape(n, rs), n));
  const head = base.map((b) => {
    const h = structuredClone(b);
    change(h.metadata.name, h);
    return h;
  });
  return { base, head };
}

export interface PlanScenario {
  readonly name: string;
  readonly what: string;
  readonly plan: () => Plan;
}

export const PLAN_SCENARIOS: readonly PlanScenario[] = [
  {
    name: 'many-unchanged-one-change',
    what: '30 RayServices, one image bumped: one row, one line for the rest',
    plan: () => {
      const names = Array.from({ length: 30 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
      const { base, head } = pair(names, (n, rs) => {
        if (n === 'svc-07') head0(rs).image = worker0(rs).image = 'rayproject/ray:2.46.0';
      });
      return plan(set(base, 'deploy/serving.yaml'), set(head, 'deploy/serving.yaml'));
    },
  },
  {
    name: 'gpu-surge',
    what: 'three GPU services at once: two blue/green (A100 by nodeSelector, H100 by affinity), one appended GPU group (0–2 replicas), one ignored',
    plan: () => {
      const { base, head } = pair(
        ['llm-chat', 'llm-code', 'embedder', 'reranker'],
        (n, rs) => {
          if (n === 'llm-chat' || n === 'llm-code') rs.spec.rayClusterConfig.rayVersion = '2.46.0';
          if (n === 'embedder')
            rs.spec.rayClusterConfig.workerGroupSpecs.push(
              gpuGroup('l4-burst', 1, { 'cloud.google.com/gke-accelerator': 'nvidia-l4' }, { replicas: 0, minReplicas: 0, maxReplicas: 2 }),
            );
          if (n === 'reranker') rs.spec.rayClusterConfig.workerGroupSpecs[0].replicas = 2;
        },
        (n, rs) => {
          if (n === 'llm-chat')
            rs.spec.rayClusterConfig.workerGroupSpecs = [
              gpuGroup('a100', 8, { 'cloud.google.com/gke-accelerator': 'nvidia-a100-80gb' }, { replicas: 1, minReplicas: 1 }),
            ];
          if (n === 'llm-code')
            rs.spec.rayClusterConfig.workerGroupSpecs = [
              gpuGroup('h100', 8, { affinity: ['nvidia.com/gpu.product', 'NVIDIA-H100-80GB-HBM3'] }, { replicas: 1, minReplicas: 1 }),
            ];
        },
      );
      return plan(set(base, 'deploy/llm.yaml'), set(head, 'deploy/llm.yaml'));
    },
  },
  {
    name: 'digest-and-long-images',
    what: 'a digest-pinned image and a long registry path: the cell shows the part that changed',
    plan: () => {
      const long = 'us-central1-docker.pkg.dev/acme-ml-platform-prod/serving-images/ray-ml-serving';
      const { base, head } = pair(
        ['pinned', 'long-path'],
        (n, rs) => {
          if (n === 'pinned') head0(rs).image = worker0(rs).image = 'rayproject/ray@sha256:9e1f0c8b2d7a4e3f5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2';
          if (n === 'long-path') head0(rs).image = worker0(rs).image = `${long}:2.46.0-py311-cu124`;
        },
        (n, rs) => {
          if (n === 'pinned') head0(rs).image = worker0(rs).image = 'rayproject/ray@sha256:4b7d2a9c0e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a3b';
          if (n === 'long-path') head0(rs).image = worker0(rs).image = `${long}:2.44.1-py311-cu124`;
        },
      );
      return plan(set(base, 'deploy/images.yaml'), set(head, 'deploy/images.yaml'));
    },
  },
  {
    name: 'removed-from-git',
    what: 'a RayService deleted from Git without prune: left running, and said so',
    plan: () => {
      const base = [rayService(undefined, 'legacy-ranker'), rayService(undefined, 'search')];
      return plan(set(base, 'deploy/serving.yaml'), set([base[1]!], 'deploy/serving.yaml'));
    },
  },
  {
    name: 'removed-from-git-prune',
    what: 'a RayService deleted from Git with prune: will be deleted, and its capacity freed',
    plan: () => {
      const base = [rayService(undefined, 'legacy-ranker'), rayService(undefined, 'search')];
      return plan(set(base, 'deploy/serving.yaml'), set([base[1]!], 'deploy/serving.yaml'), { prune: true });
    },
  },
  {
    name: 'hostile-names',
    what: 'markdown and HTML injection, mentions, URLs, pipes, bidi and control characters in values, group names and the file name',
    plan: () => {
      const { base, head } = pair(['hostile'], (_n, rs) => {
        head0(rs).image = '<img src=x onerror=alert(1)> @octocat | **bold** `tick` [link](http://evil.example) \u202egnp.exe\u001b[31m';
        rs.spec.rayClusterConfig.workerGroupSpecs[0].groupName = '@team <b>x</b> | y';
        worker0(rs).image = 'https://evil.example/@admin/img:1 www.evil.example';
        rs.metadata.labels = { owner: '@acme/security-team ::error::pwned' };
      });
      const file = 'deploy/<b>x</b> @ops|#1.yaml';
      return plan(manifestsFromTexts([{ file, text: toYaml(...base) }], 'default'), manifestsFromTexts([{ file, text: toYaml(...head) }], 'default'));
    },
  },
  {
    name: 'touches-no-rayservice',
    what: 'a docs-only pull request: no rows, no details',
    plan: () => {
      const base = Array.from({ length: 12 }, (_, i) => rayService(undefined, `svc-${i}`));
      return plan(set(base, 'deploy/serving.yaml'), set(structuredClone(base), 'deploy/serving.yaml'));
    },
  },
  {
    name: 'no-rayservice',
    what: 'manifests without any RayService',
    plan: () => plan(new Map(), new Map()),
  },
  {
    name: 'serve-in-place-and-with-new-cluster',
    what: 'a Serve-only change (in place) beside a Serve change that ships with a new cluster',
    plan: () => {
      const { base, head } = pair(['text-ml', 'vision'], (n, rs) => {
        rs.spec.serveConfigV2 = rs.spec.serveConfigV2.replace('num_replicas: 1', 'num_replicas: 3').replace('threshold: 0.5', 'threshold: 0.7');
        if (n === 'vision') rs.spec.rayClusterConfig.rayVersion = '2.46.0';
      });
      return plan(set(base, 'deploy/apps.yaml'), set(head, 'deploy/apps.yaml'));
    },
  },
  {
    name: 'env-by-name',
    what: 'env variables named, their values redacted',
    plan: () => {
      const { base, head } = pair(
        ['chat'],
        (_n, rs) => {
          head0(rs).env = [
            { name: 'RAY_LOG_LEVEL', value: 'debug' },
            { name: 'HF_TOKEN', value: 'hf_newsecretvalue1234567890' },
            { name: 'MODEL_ID', value: 'meta-llama/Llama-3.1-70B-Instruct' },
          ];
        },
        (_n, rs) => {
          head0(rs).env = [
            { name: 'RAY_LOG_LEVEL', value: 'info' },
            { name: 'HF_TOKEN', value: 'hf_oldsecretvalue1234567890' },
            { name: 'MODEL_ID', value: 'meta-llama/Llama-3.1-8B-Instruct' },
          ];
        },
      );
      return plan(set(base, 'deploy/chat.yaml'), set(head, 'deploy/chat.yaml'));
    },
  },
  {
    name: 'ignored-tolerations-and-replicas',
    what: 'changes KubeRay leaves out of the cluster hash: tolerations (advice for tolerations) and replicas (advice for replicas)',
    plan: () => {
      const { base, head } = pair(['tolerant', 'scaled'], (n, rs) => {
        if (n === 'tolerant') rs.spec.rayClusterConfig.workerGroupSpecs[0].template.spec.tolerations = [{ key: 'spot', operator: 'Exists' }];
        else rs.spec.rayClusterConfig.workerGroupSpecs[0].replicas = 3;
      });
      return plan(set(base, 'deploy/serving.yaml'), set(head, 'deploy/serving.yaml'));
    },
  },
  {
    name: 'create-and-incremental',
    what: 'a new RayService beside an incremental upgrade',
    plan: () => {
      const incremental = (rs: Obj) => {
        rs.spec.upgradeStrategy = {
          type: 'NewClusterWithIncrementalUpgrade',
          clusterUpgradeOptions: { gatewayClassName: 'istio', stepSizePercent: 25, intervalSeconds: 60, maxSurgePercent: 50 },
        };
        rs.spec.rayClusterConfig.enableInTreeAutoscaling = true;
      };
      const base = [rayService(incremental, 'gateway-app')];
      const head = [
        rayService((rs) => {
          incremental(rs);
          rs.spec.rayClusterConfig.rayVersion = '2.46.0';
        }, 'gateway-app'),
        rayService(undefined, 'new-svc'),
      ];
      return plan(set(base, 'deploy/serving.yaml'), set(head, 'deploy/serving.yaml'), { kuberayVersion: '1.7', incrementalGate: true });
    },
  },
];

export interface ApplyScenario {
  readonly name: string;
  readonly what: string;
  readonly outcomes: () => OutcomeRow[];
}

const both = [cluster(A), cluster(P)];
const upgrading = (o: Parameters<typeof rs>[0] = {}) => rs({ upgrading: true, pending: P, activeApps: {}, ...o });

export const APPLY_SCENARIOS: readonly ApplyScenario[] = [
  {
    name: 'rollout-blue-green',
    what: 'a blue/green rollout from apply to the old cluster deleted',
    outcomes: () => {
      const run = play({ expected: 'cluster', namespace: 'ml-serving', waitForOldClusterDeletion: true }, [
        snap(0.4, rs({ obs: 6 }), { rayClusters: [cluster(A)], pods: clusterPods(A, 2, 3) }),
        snap(2, upgrading(), { rayClusters: both, pods: [...clusterPods(A, 2, 3), ...clusterPods(P, 2, 0)] }),
        snap(95, upgrading(), { rayClusters: both, pods: [...clusterPods(A, 2, 3), ...clusterPods(P, 2, 3)] }),
        snap(140, upgrading({ pendingApps: running() }), { rayClusters: both, pods: [...clusterPods(A, 2, 3), ...clusterPods(P, 2, 3)] }),
        snap(142, rs({ active: P }), { rayClusters: both, pods: [...clusterPods(A, 2, 3), ...clusterPods(P, 2, 3)] }),
        snap(205, rs({ active: P }), { rayClusters: [cluster(P)], pods: clusterPods(P, 2, 3) }),
      ]);
      return [{ service: { namespace: 'ml-serving', name: 'text-ml', change: 'cluster' }, verdict: run.verdict!, applied: { activeBefore: A } }];
    },
  },
  {
    name: 'rollout-failed-unschedulable',
    what: 'a new cluster whose GPU workers never schedule: the chart stops at pods ready',
    outcomes: () => {
      const stuck = pod(`${P}-gpu-worker-0`, P, 'worker', { ready: false, ...unschedulable('0/12 nodes are available: 12 Insufficient nvidia.com/gpu.') });
      const pods = [...clusterPods(A, 1, 2), pod(`${P}-head`, P, 'head', { ready: true }), stuck];
      const run = play({ expected: 'cluster', namespace: 'ml-serving', name: 'llm-chat' }, [
        snap(0.5, rs({ obs: 6 }), { rayClusters: [cluster(A)], pods: clusterPods(A, 1, 2) }),
        snap(3, upgrading(), {
          rayClusters: both,
          pods,
          events: [warning('FailedScheduling', '0/12 nodes are available: 12 Insufficient nvidia.com/gpu.', 4, `${P}-gpu-worker-0`)],
        }),
        snap(200, upgrading(), { rayClusters: both, pods }),
        { check: 260 },
      ]);
      return [
        { service: { namespace: 'ml-serving', name: 'llm-chat', change: 'cluster' }, verdict: run.verdict!, applied: { activeBefore: A } },
        {
          service: { namespace: 'ml-serving', name: 'text-ml', change: 'app' },
          verdict: play({ expected: 'app', namespace: 'ml-serving', name: 'text-ml' }, [
            snap(0.5, rs({ obs: 6 })),
            snap(2, rs({ activeApps: appsIn('DEPLOYING') })),
            snap(30, rs()),
          ]).verdict!,
          applied: { activeBefore: A },
        },
      ];
    },
  },
  {
    name: 'rollout-prune',
    what: 'apply with prune: a Serve change, one RayService deleted, one applied by someone else left running, one already gone',
    outcomes: () => {
      const deleted = play({ expected: 'delete', namespace: 'ml-serving', name: 'legacy-ranker', generation: 0, activeBefore: undefined, serveApps: [] }, [
        snap(0.5, rs({ deleting: true }), { rayClusters: [cluster(A)] }),
        snap(41, null, { rayClusters: [] }),
      ]);
      const app = play({ expected: 'app', namespace: 'ml-serving', name: 'search' }, [
        snap(0.5, rs({ obs: 6 })),
        snap(2, rs({ activeApps: appsIn('DEPLOYING') })),
        snap(30, rs()),
      ]);
      const removed = (name: string) => ({ namespace: 'ml-serving', name, change: 'delete' as const });
      return [
        { service: { namespace: 'ml-serving', name: 'search', change: 'app' }, verdict: app.verdict!, applied: { activeBefore: A } },
        { service: removed('legacy-ranker'), verdict: deleted.verdict!, pruned: { result: 'deleted' } },
        {
          service: removed('team-b-ranker'),
          pruned: {
            result: 'left-running',
            note: 'not deleted: rayservice-rollout never applied it (managed by kubectl-client-side-apply (Update), kuberay-operator (Update)); delete it by hand if it must go',
          },
        },
        { service: removed('old-canary'), pruned: { result: 'gone' } },
      ];
    },
  },
  {
    name: 'rollout-degraded',
    what: 'an in-place update next to a GPU worker Pending since the last apply: the health before the change apart, done, degraded',
    outcomes: () => {
      const gpu = pod(`${A}-gpu-l4-0`, A, 'worker', {
        group: 'gpu-l4',
        createdAt: Date.UTC(2025, 0, 1, 11, 50),
        ...unschedulable('0/3 nodes are available: 3 Insufficient nvidia.com/gpu.'),
      });
      const pods = [...clusterPods(A, 1, 2).map((p) => ({ ...p, createdAt: Date.UTC(2025, 0, 1, 11, 50) })), gpu];
      const before = healthOf(snap(-1, rs({ obs: 6, gen: 6 }), { pods }));
      const run = play({ expected: 'cluster-inplace', namespace: 'ml-serving', name: 'chat-assistant', baseline: { changedAt: t(0.2), problems: before } }, [
        snap(0.5, rs(), { rayClusters: [cluster(A, { generation: 2, observedGeneration: 2, desiredWorkerReplicas: 2, readyWorkerReplicas: 1 })], pods }),
        { check: 6.5 },
      ]);
      return [
        {
          service: { namespace: 'ml-serving', name: 'chat-assistant', change: 'cluster-inplace', cluster: { before } },
          verdict: run.verdict!,
          applied: { activeBefore: A },
        },
      ];
    },
  },
  {
    name: 'rollout-hostile',
    what: 'hostile text from the cluster in the outcome: messages, cluster names',
    outcomes: () => {
      const evil = '<img src=x onerror=alert(1)> @octocat ``` :: ## | (paren) `x`';
      const run = play({ expected: 'app' }, [snap(0.5, rs({ obs: 6 })), snap(2, rs({ activeApps: appsIn('DEPLOY_FAILED', evil) })), { check: 120 }]);
      return [{ service: { namespace: 'default', name: 'text-ml', change: 'app' }, verdict: run.verdict!, applied: { activeBefore: A } }];
    },
  },
];

export function renderPlanScenario(s: PlanScenario): string {
  return renderMarkdown(s.plan(), LINKS);
}

export function renderApplyScenario(s: ApplyScenario, kind: 'summary' | 'outcome'): string {
  const footer = LINKS.footer ?? '';
  return renderOutcomes(s.outcomes(), kind === 'summary' ? { title: 'RayService rollout', footer } : { title: 'RayService rollout', footer });
}
