// REST paths of Kubernetes resources, and discovery (kubectl-style names: "RayService", "rayservices",
// "rs" shortName, "rayservice.ray.io") for the test helper.
import type { KubeObject, KubeRest } from './rest.js';

export interface ResourceType {
  group: string; // '' for core
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export const apiVersionOf = (r: ResourceType): string => (r.group ? `${r.group}/${r.version}` : r.version);

/** /api/v1/namespaces/ns/pods, /apis/ray.io/v1/rayclusters, …; `namespace` undefined = all namespaces. */
export function collectionPath(r: ResourceType, namespace?: string): string {
  const root = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = r.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${r.plural}`;
}

export function objectPath(r: ResourceType, name: string, namespace?: string, subresource?: string): string {
  if (r.namespaced && !namespace) throw new Error(`${r.kind} ${name}: a namespace is required`);
  return `${collectionPath(r, namespace)}/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ''}`;
}

const t = (group: string, version: string, kind: string, plural: string, namespaced = true): ResourceType => ({ group, version, kind, plural, namespaced });

/** The resource types the simulator and the helpers touch: no discovery round trips needed for these. */
export const R = {
  namespaces: t('', 'v1', 'Namespace', 'namespaces', false),
  nodes: t('', 'v1', 'Node', 'nodes', false),
  pods: t('', 'v1', 'Pod', 'pods'),
  services: t('', 'v1', 'Service', 'services'),
  endpoints: t('', 'v1', 'Endpoints', 'endpoints'),
  events: t('', 'v1', 'Event', 'events'),
  configmaps: t('', 'v1', 'ConfigMap', 'configmaps'),
  secrets: t('', 'v1', 'Secret', 'secrets'),
  serviceaccounts: t('', 'v1', 'ServiceAccount', 'serviceaccounts'),
  resourcequotas: t('', 'v1', 'ResourceQuota', 'resourcequotas'),
  priorityclasses: t('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false),
  endpointslices: t('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices'),
  jobs: t('batch', 'v1', 'Job', 'jobs'),
  ingresses: t('networking.k8s.io', 'v1', 'Ingress', 'ingresses'),
  roles: t('rbac.authorization.k8s.io', 'v1', 'Role', 'roles'),
  rolebindings: t('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings'),
  crds: t('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false),
  rayservices: t('ray.io', 'v1', 'RayService', 'rayservices'),
  rayclusters: t('ray.io', 'v1', 'RayCluster', 'rayclusters'),
  rayjobs: t('ray.io', 'v1', 'RayJob', 'rayjobs'),
} as const satisfies Record<string, ResourceType>;

/** Finds the resource type for an apiVersion+kind among the well-known ones. */
export function wellKnownByKind(apiVersion: string, kind: string): ResourceType | undefined {
  return Object.values(R).find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
}

interface DiscoveredResource extends ResourceType {
  singular: string;
  shortNames: string[];
}

/** Lazy discovery of everything the apiserver serves (re-run when a name is not found: CRDs come and go). */
export class Discovery {
  private cache: DiscoveredResource[] | undefined;

  constructor(private readonly rest: KubeRest) {}

  /**
   * Resolves `name`, which may be a Kind ("RayService"), a plural ("rayservices"), a singular, a
   * shortName, any of those with ".group" appended, or an `{apiVersion, kind}` pair.
   */
  async resolve(name: string | { apiVersion: string; kind: string }): Promise<ResourceType> {
    if (typeof name !== 'string') {
      const known = wellKnownByKind(name.apiVersion, name.kind);
      if (known) return known;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const all = await this.load(attempt > 0);
      const hit = typeof name === 'string' ? matchName(all, name) : all.find((r) => apiVersionOf(r) === name.apiVersion && r.kind === name.kind);
      if (hit) return hit;
    }
    throw new Error(`unknown resource type ${typeof name === 'string' ? name : `${name.apiVersion}/${name.kind}`}`);
  }

  private async load(refresh: boolean): Promise<DiscoveredResource[]> {
    if (this.cache && !refresh) return this.cache;
    const groupVersions: { group: string; version: string; path: string }[] = [{ group: '', version: 'v1', path: '/api/v1' }];
    const groups = await this.rest.get<{ groups: { name: string; preferredVersion: { version: string } }[] }>('/apis');
    for (const g of groups.groups) {
      groupVersions.push({ group: g.name, version: g.preferredVersion.version, path: `/apis/${g.name}/${g.preferredVersion.version}` });
    }
    const lists = await Promise.all(
      groupVersions.map(async (gv) => {
        const list = await this.rest.get<{ resources: KubeObject[] }>(gv.path);
        return list.resources
          .filter((r) => !String(r.name).includes('/')) // subresources
          .map(
            (r): DiscoveredResource => ({
              group: gv.group,
              version: gv.version,
              kind: String(r.kind),
              plural: String(r.name),
              namespaced: Boolean(r.namespaced),
              singular: String(r.singularName || String(r.kind).toLowerCase()),
              shortNames: (r.shortNames as string[] | undefined) ?? [],
            }),
          );
      }),
    );
    this.cache = lists.flat();
    return this.cache;
  }
}

function matchName(all: DiscoveredResource[], name: string): DiscoveredResource | undefined {
  const dot = name.indexOf('.');
  const base = (dot >= 0 ? name.slice(0, dot) : name).toLowerCase();
  const group = dot >= 0 ? name.slice(dot + 1).toLowerCase() : undefined;
  const candidates = all.filter(
    (r) =>
      (group === undefined || r.group === group) && (r.kind.toLowerCase() === base || r.plural === base || r.singular === base || r.shortNames.includes(base)),
  );
  // Prefer the core group and then the shortest group name, as kubectl does for ambiguous short names.
  candidates.sort((a, b) => (a.group === '' ? -1 : b.group === '' ? 1 : a.group.length - b.group.length));
  return candidates[0];
}
