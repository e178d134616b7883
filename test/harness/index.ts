// The local control plane test harness: real etcd + kube-apiserver + KubeRay operator, and a simulator
// for everything else (nodes, scheduler, kubelet, endpoints, garbage collection, resource quota status,
// Ray dashboard/Serve).
// Usage and the list of what is simulated: docs/local-control-plane.md.
export { startControlPlane, ControlPlane, type ControlPlaneOptions, type ControlPlaneLogs } from './controlplane.js';
export { KUBERAY_VERSIONS, DEFAULT_KUBERAY_VERSION, resolveBinaries, MissingGoError, repoRoot, type KubeRayVersion, type Binaries } from './binaries.js';
export { readLog, tailFile } from './processes.js';
export { writeKubeconfig } from './kubeconfig.js';
export {
  Kubectl,
  parseYamlDocuments,
  type KindName,
  type ApplyOptions,
  type ListOptions,
  type DeleteOptions,
  type Recording,
  type RecordedEvent,
} from './kubectl.js';
export { waitFor, WaitTimeoutError, type WaitOptions } from './wait.js';
export { KubeRest, KubeApiError, isNotFound, isConflict, type KubeObject } from './kube/rest.js';
export {
  Simulator,
  Faults,
  DEFAULT_NODES,
  gpuNode,
  type SimulatorOptions,
  type ClusterSelector,
  type RayClusterRef,
  type FaultHandle,
  type FaultRule,
  type NodeSpec,
  type NodeTaint,
  type ProxiedRequest,
  type ClusterServeState,
  type ServePut,
  SimResourceQuotaController,
  computeQuotaUsage,
  podQuotaUsage,
  podQuotaTracks,
  podMatchesScope,
  type QuotaStatusWrite,
  type ResourceQuotaControllerOptions,
  type ScopedResourceSelectorRequirement,
} from './simulator/index.js';
export * from './ray.js';
export * from './fixtures.js';
export * from './quota.js';
export { Informer, type InformerEventType, type InformerHandler } from './kube/informer.js';
export { R, collectionPath, objectPath, type ResourceType } from './kube/resources.js';
export type { ProxyTarget } from './simulator/ray-http-proxy.js';
