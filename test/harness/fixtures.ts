// Small RayService manifests for tests: small requests (the simulated nodes are generous, but a test may
// shrink them), one Serve app, one worker group, and a short rayClusterDeletionDelaySeconds so that the
// old cluster of a blue/green upgrade goes away within seconds instead of the default 60 s.
import { stringify } from 'yaml';
import type { KubeObject } from './kube/rest.js';

export interface WorkerGroupFixture {
  groupName: string;
  replicas?: number;
  minReplicas?: number;
  maxReplicas?: number;
  image?: string;
  cpu?: string;
  memory?: string;
  gpu?: number;
}

export interface RayServiceFixture {
  name: string;
  namespace?: string;
  image?: string;
  /** Serve applications: name → route prefix (default { fruit: '/fruit' }). */
  apps?: Record<string, string>;
  /** Extra text folded into each app's config (changes serveConfigV2 without changing the apps). */
  serveConfigRevision?: string;
  workerGroups?: WorkerGroupFixture[];
  headCpu?: string;
  headMemory?: string;
  /** spec.upgradeStrategy.type; undefined = not set (NewCluster by default). */
  upgradeStrategy?: 'NewCluster' | 'None' | 'NewClusterWithIncrementalUpgrade';
  /** spec.rayClusterDeletionDelaySeconds (default 1). */
  deletionDelaySeconds?: number | null;
  rayVersion?: string;
}

export const DEFAULT_RAY_IMAGE = 'rayproject/ray:2.46.0';

export function rayServiceObject(f: RayServiceFixture): KubeObject {
  const image = f.image ?? DEFAULT_RAY_IMAGE;
  const apps = f.apps ?? { fruit: '/fruit' };
  const serveConfig = {
    applications: Object.entries(apps).map(([name, prefix]) => ({
      name,
      import_path: `${name}.app:deployment`,
      route_prefix: prefix,
      runtime_env: f.serveConfigRevision ? { env_vars: { REVISION: f.serveConfigRevision } } : undefined,
      deployments: [{ name: `${name[0]!.toUpperCase()}${name.slice(1)}Deployment`, num_replicas: 1, ray_actor_options: { num_cpus: 0.1 } }],
    })),
  };
  const groups = f.workerGroups ?? [{ groupName: 'small' }];
  const container = (name: string, img: string, cpu: string, memory: string, gpu?: number) => ({
    name,
    image: img,
    resources: {
      requests: { cpu, memory, ...(gpu ? { 'nvidia.com/gpu': String(gpu) } : {}) },
      limits: { cpu, memory, ...(gpu ? { 'nvidia.com/gpu': String(gpu) } : {}) },
    },
  });
  const spec: KubeObject = {
    ...(f.upgradeStrategy ? { upgradeStrategy: { type: f.upgradeStrategy } } : {}),
    ...(f.deletionDelaySeconds === null ? {} : { rayClusterDeletionDelaySeconds: f.deletionDelaySeconds ?? 1 }),
    serveConfigV2: stringify(JSON.parse(JSON.stringify(serveConfig))),
    rayClusterConfig: {
      rayVersion: f.rayVersion ?? '2.46.0',
      headGroupSpec: {
        rayStartParams: {},
        template: { spec: { containers: [container('ray-head', image, f.headCpu ?? '500m', f.headMemory ?? '1Gi')] } },
      },
      workerGroupSpecs: groups.map((g) => ({
        groupName: g.groupName,
        replicas: g.replicas ?? 1,
        minReplicas: g.minReplicas ?? 0,
        maxReplicas: g.maxReplicas ?? 5,
        rayStartParams: {},
        template: { spec: { containers: [container('ray-worker', g.image ?? image, g.cpu ?? '500m', g.memory ?? '1Gi', g.gpu)] } },
      })),
    },
  };
  return {
    apiVersion: 'ray.io/v1',
    kind: 'RayService',
    metadata: { name: f.name, ...(f.namespace ? { namespace: f.namespace } : {}) },
    spec,
  };
}

/** The same, as YAML (what `kubectl apply -f` would get). */
export function rayServiceYaml(f: RayServiceFixture): string {
  return stringify(rayServiceObject(f));
}
