/**
 * The snapshot the state machine observes, built from the objects a watcher holds: the RayService,
 * the RayClusters it owns, the Ray pods and the Events of its namespace. Pure: plain objects in, a
 * snapshot out; the adapter supplies the time, and says which kinds it could not watch.
 */
import { type KubeObject, asMap, metadataOf } from '../util/kube-object.js';
import { eventView, podView, rayClusterView, rayServiceView } from './from-objects.js';
import type { RolloutTarget, Snapshot } from './types.js';

export interface WatchedObjects {
  /** When the objects were as given (ms since the epoch). */
  readonly at: number;
  /** The RayService; undefined when it does not exist. */
  readonly rayService: KubeObject | undefined;
  /** The RayClusters it owns (label ray.io/originated-from-cr-name). */
  readonly rayClusters: readonly KubeObject[];
  /** Ray pods of the namespace (label ray.io/is-ray-node); undefined when not watched. */
  readonly pods?: readonly KubeObject[];
  /** Events of the namespace; undefined when not watched. */
  readonly events?: readonly KubeObject[];
}

/**
 * Only what concerns this RayService: pods of its clusters (the listed ones, the one active before
 * the apply, and those its status names, which may not be listed yet), and Events about the
 * RayService, those clusters or those pods.
 */
export function buildSnapshot(target: Pick<RolloutTarget, 'name' | 'activeBefore'>, objects: WatchedObjects): Snapshot {
  const { at, rayService, rayClusters, pods, events } = objects;
  const clusterNames = clusterNamesOf(target, rayService, rayClusters);
  const ownPods = pods?.filter((p) => isIn(clusterNames, metadataOf(p).labels?.['ray.io/cluster']));
  const involved = new Set([target.name, ...clusterNames, ...(ownPods ?? []).flatMap((p) => metadataOf(p).name ?? [])]);
  return {
    at,
    rayService: rayService ? rayServiceView(rayService) : null,
    rayClusters: rayClusters.map((c) => rayClusterView(c)),
    ...(ownPods ? { pods: ownPods.map((p) => podView(p)) } : {}),
    ...(events ? { events: events.filter((e) => isIn(involved, asMap(e.involvedObject).name)).map((e) => eventView(e)) } : {}),
  };
}

function clusterNamesOf(target: Pick<RolloutTarget, 'activeBefore'>, rayService: KubeObject | undefined, rayClusters: readonly KubeObject[]): Set<string> {
  const names = new Set(rayClusters.flatMap((c) => metadataOf(c).name ?? []));
  const status = asMap(rayService?.status);
  for (const n of [target.activeBefore, asMap(status.activeServiceStatus).rayClusterName, asMap(status.pendingServiceStatus).rayClusterName])
    if (typeof n === 'string' && n !== '') names.add(n);
  return names;
}

function isIn(names: ReadonlySet<string>, name: unknown): boolean {
  return typeof name === 'string' && names.has(name);
}
