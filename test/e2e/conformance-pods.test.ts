/**
 * Conformance of the planner's pod validation with the real API server and operator: each case is a
 * new RayService whose pod template the RayService CRD lets through. It is created by server-side
 * apply (as YAML text, as kubectl sends it); the operator builds the RayCluster and creates its pods,
 * and the API server's pod validation either refuses them (a Warning event FailedToCreateHeadPod /
 * FailedToCreateWorkerPod on the RayCluster, with the API server's error) or accepts them (pods of
 * every group exist). The plan must refuse exactly the refused ones, naming an error the API server
 * names (field and message, word for word) and the manifest field of the right group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startControlPlane, rayClustersOf, podsOfCluster, objectPath, type ControlPlane, type KubeRayVersion } from '../harness/index.js';
import { plan } from '../../src/planner/plan.js';
import { InputError } from '../../src/manifests/input-error.js';
import { conformanceNodes, conformanceService } from '../fixtures/conformance.js';
import { set, setFromText, toYaml, type Obj } from '../fixtures/rayservice.js';

type Observed =
  | { what: 'pods-refused'; reason: string; message: string }
  | { what: 'pods-created' }
  | { what: 'apply-refused'; message: string }
  | { what: 'nothing' };

interface Case {
  name: string;
  head: (rs: Obj) => void;
  /**
   * The group whose pods are refused (head, or a worker group's manifest path), the head Service, or
   * the apply itself (the CRD); undefined when everything is accepted.
   */
  refused?: 'headGroupSpec' | 'workerGroupSpecs[0]' | 'service' | 'apply';
}

const rcc = (rs: Obj) => rs.spec.rayClusterConfig;
const headPod = (rs: Obj) => rcc(rs).headGroupSpec.template.spec;
const headContainer = (rs: Obj) => headPod(rs).containers[0];
const workerPod = (rs: Obj) => rcc(rs).workerGroupSpecs[0].template.spec;
const worker = (rs: Obj) => workerPod(rs).containers[0];

const CASES: Case[] = [
  { name: 'cpu-negative', head: (rs) => (headContainer(rs).resources.requests.cpu = '-1'), refused: 'headGroupSpec' },
  { name: 'memory-negative-limit', head: (rs) => (worker(rs).resources.limits.memory = '-256Mi'), refused: 'workerGroupSpecs[0]' },
  {
    name: 'gpu-fraction',
    head: (rs) =>
      Object.assign(worker(rs).resources, {
        requests: { ...worker(rs).resources.requests, 'nvidia.com/gpu': '0.5' },
        limits: { ...worker(rs).resources.limits, 'nvidia.com/gpu': '0.5' },
      }),
    refused: 'workerGroupSpecs[0]',
  },
  { name: 'gpu-request-no-limit', head: (rs) => (worker(rs).resources.requests['nvidia.com/gpu'] = 1), refused: 'workerGroupSpecs[0]' },
  {
    name: 'gpu-request-not-limit',
    head: (rs) =>
      Object.assign(worker(rs).resources, {
        requests: { ...worker(rs).resources.requests, 'nvidia.com/gpu': 1 },
        limits: { ...worker(rs).resources.limits, 'nvidia.com/gpu': 2 },
      }),
    refused: 'workerGroupSpecs[0]',
  },
  { name: 'memory-request-over-limit', head: (rs) => (headContainer(rs).resources.requests.memory = '512Mi'), refused: 'headGroupSpec' },
  { name: 'resource-unqualified', head: (rs) => (worker(rs).resources.limits.gpu = 1), refused: 'workerGroupSpecs[0]' },
  { name: 'container-name', head: (rs) => (worker(rs).name = 'Ray_Worker'), refused: 'workerGroupSpecs[0]' },
  {
    name: 'init-name-clash',
    head: (rs) => (workerPod(rs).initContainers = [{ name: 'wait-gcs-ready', image: 'busybox:1.36', command: ['true'] }]),
    refused: 'workerGroupSpecs[0]',
  },
  {
    name: 'init-named-like-container',
    head: (rs) => (headPod(rs).initContainers = [{ name: 'ray-head', image: 'busybox:1.36', command: ['true'] }]),
    refused: 'headGroupSpec',
  },
  // Two containers of one name: a duplicate key of the CRD's list-map, refused by the apply itself.
  { name: 'container-name-twice', head: (rs) => headPod(rs).containers.push({ name: 'ray-head', image: 'busybox:1.36' }), refused: 'apply' },
  // A head port name that is no DNS-1123 label: the head Service, created before the pods, is refused.
  { name: 'head-port-name', head: (rs) => headContainer(rs).ports.push({ containerPort: 8080, name: 'metrics_port' }), refused: 'service' },
  // A DNS-1123 label but no IANA service name: the Service passes, the pod does not.
  { name: 'head-port-name-digits', head: (rs) => headContainer(rs).ports.push({ containerPort: 9090, name: '9090' }), refused: 'headGroupSpec' },
  // 8080 not named metrics: the operator adds metrics on 8080 to the head Service, which has it twice.
  { name: 'head-port-8080', head: (rs) => headContainer(rs).ports.push({ containerPort: 8080, name: 'prom' }), refused: 'service' },
  // One number, two protocols: the CRD's list-map allows it, the Service (TCP only) does not.
  {
    name: 'head-port-two-protocols',
    head: (rs) => headContainer(rs).ports.push({ containerPort: 8000, name: 'serve-udp', protocol: 'UDP' }),
    refused: 'service',
  },
  { name: 'head-port-metrics', head: (rs) => headContainer(rs).ports.push({ containerPort: 8080, name: 'metrics' }) },
  { name: 'worker-port-name', head: (rs) => (worker(rs).ports = [{ containerPort: 8080, name: 'metrics_port' }]), refused: 'workerGroupSpecs[0]' },
  { name: 'env-name-equals', head: (rs) => (worker(rs).env = [{ name: 'A=B', value: '1' }]), refused: 'workerGroupSpecs[0]' },
  { name: 'mount-no-volume', head: (rs) => (worker(rs).volumeMounts = [{ name: 'data', mountPath: '/data' }]), refused: 'workerGroupSpecs[0]' },
  {
    name: 'volume-two-sources',
    head: (rs) => {
      workerPod(rs).volumes = [{ name: 'data', emptyDir: {}, hostPath: { path: '/tmp' } }];
      worker(rs).volumeMounts = [{ name: 'data', mountPath: '/data' }];
    },
    refused: 'workerGroupSpecs[0]',
  },
  {
    name: 'subpath-absolute',
    head: (rs) => {
      workerPod(rs).volumes = [{ name: 'data', emptyDir: {} }];
      worker(rs).volumeMounts = [{ name: 'data', mountPath: '/data', subPath: '/abs' }];
    },
    refused: 'workerGroupSpecs[0]',
  },
  { name: 'restart-policy', head: (rs) => (headPod(rs).restartPolicy = 'Sometimes'), refused: 'headGroupSpec' },
  { name: 'dns-policy', head: (rs) => (workerPod(rs).dnsPolicy = 'Cluster'), refused: 'workerGroupSpecs[0]' },
  { name: 'image-pull-policy', head: (rs) => (headContainer(rs).imagePullPolicy = 'Sometimes'), refused: 'headGroupSpec' },
  { name: 'toleration-operator', head: (rs) => (workerPod(rs).tolerations = [{ key: 'gpu', operator: 'In', value: 'x' }]), refused: 'workerGroupSpecs[0]' },
  // ray.io/v1alpha1 has its own, older schema: a v1-only field is refused by the apply.
  {
    name: 'v1alpha1-v1-field',
    head: (rs) => {
      rs.apiVersion = 'ray.io/v1alpha1';
      rs.spec.rayClusterDeletionDelaySeconds = 5;
    },
    refused: 'apply',
  },
  { name: 'v1alpha1-plain', head: (rs) => (rs.apiVersion = 'ray.io/v1alpha1') },
  // Accepted by the API server: the plan must not refuse them.
  {
    name: 'gpu-integer',
    head: (rs) =>
      Object.assign(worker(rs).resources, {
        requests: { ...worker(rs).resources.requests, 'nvidia.com/gpu': 1 },
        limits: { ...worker(rs).resources.limits, 'nvidia.com/gpu': 1 },
      }),
  },
  { name: 'env-name-relaxed', head: (rs) => (worker(rs).env = [{ name: 'my env.1', value: '1' }]) },
  { name: 'request-below-limit', head: (rs) => (headContainer(rs).resources.limits.memory = '512Mi') },
];

function headText(c: Case): string {
  return toYaml(conformanceService(`cp-${c.name}`, c.head, false));
}

const OBSERVE_MS = 90_000;

for (const version of ['v1.6.2', 'v1.5.1'] as KubeRayVersion[]) {
  describe(`the API server ${version === 'v1.6.2' ? 'and operator v1.6.2' : 'and operator v1.5.1'} refuse the pods the planner refuses`, () => {
    let cp: ControlPlane;
    const observed = new Map<string, Observed>();

    const applyText = async (text: string, name: string) => {
      // Discovery lists the preferred version only: v1alpha1's path is written out.
      const alpha = /^apiVersion: ray\.io\/v1alpha1$/m.test(text);
      const type = alpha
        ? { group: 'ray.io', version: 'v1alpha1', kind: 'RayService', plural: 'rayservices', namespaced: true }
        : await cp.kubectl.resolve({ apiVersion: 'ray.io/v1', kind: 'RayService' });
      return cp.kubectl.rest.apply(objectPath(type, name, 'default'), text, 'test');
    };

    /** What became of one case's pods so far (undefined: nothing decisive yet). */
    const look = async (c: Case): Promise<Observed | undefined> => {
      const k = cp.kubectl;
      const cluster = (await rayClustersOf(k, `cp-${c.name}`, 'default'))[0];
      if (!cluster) return undefined;
      const events = await k.events('default', { involvedObjectName: cluster.metadata.name });
      const failed = events.find((e) => e.type === 'Warning' && /^FailedToCreate(HeadPod|WorkerPod|Service)$/.test(String(e.reason)));
      if (failed) return { what: 'pods-refused', reason: String(failed.reason), message: String(failed.message) };
      const pods = await podsOfCluster(k, cluster.metadata.name, 'default');
      const groups = new Set(pods.map((p) => p.metadata.labels?.['ray.io/node-type']));
      return groups.has('head') && groups.has('worker') ? { what: 'pods-created' } : undefined;
    };

    beforeAll(async () => {
      cp = await startControlPlane({ kuberayVersion: version, nodes: conformanceNodes(), operatorArgs: ['--reconcile-concurrency=8'] });
      await Promise.all(
        CASES.map((c) =>
          applyText(headText(c), `cp-${c.name}`).catch((e: Error) => observed.set(c.name, { what: 'apply-refused', message: e.message.slice(0, 400) })),
        ),
      );
      const deadline = Date.now() + OBSERVE_MS;
      while (Date.now() < deadline && CASES.some((c) => !observed.has(c.name))) {
        for (const c of CASES) {
          if (observed.has(c.name)) continue;
          const seen = await look(c);
          if (seen) observed.set(c.name, seen);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      for (const c of CASES) if (!observed.has(c.name)) observed.set(c.name, { what: 'nothing' });
    }, 300_000);

    afterAll(async () => {
      const line = (c: Case) => {
        const o = observed.get(c.name);
        const detail = o && 'message' in o ? o.message.slice(0, 400) : '';
        return `  ${c.name.padEnd(26)} ${o?.what} ${detail}`;
      };
      console.log(`operator ${version}:\n${CASES.map(line).join('\n')}`);
      await cp?.stop();
    });

    it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const seen = observed.get(c.name)!;
      let refusal: InputError | undefined;
      try {
        plan(set([]), setFromText(headText(c)), { kuberayVersion: version });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        refusal = e;
      }
      if (!c.refused) {
        expect(refusal?.message, `observed ${JSON.stringify(seen)}`).toBeUndefined();
        expect(seen.what).toBe('pods-created');
        return;
      }
      expect(refusal, `the planner accepts what the API server refuses: ${JSON.stringify(seen)}`).toBeDefined();
      if (c.refused === 'apply') {
        expect(seen.what).toBe('apply-refused');
        return;
      }
      expect(seen.what, `planner: ${refusal?.message}`).toBe('pods-refused');
      const predicted = /\("(.+?)"(?: and \d+ more)?; Kubernetes /.exec(refusal!.problem)?.[1];
      expect(predicted, refusal!.problem).toBeDefined();
      // The API server's error, field path and words, is one of those the event lists (a Service's
      // port position is Go's map order: the plan says N).
      const said = (seen as { message: string }).message.replace(/spec\.ports\[\d+\]/g, 'spec.ports[N]');
      expect(said).toContain(predicted!);
      const reason = { headGroupSpec: 'FailedToCreateHeadPod', 'workerGroupSpecs[0]': 'FailedToCreateWorkerPod', service: 'FailedToCreateService' }[c.refused];
      expect((seen as { reason: string }).reason).toBe(reason);
      const group = c.refused === 'service' ? 'headGroupSpec' : c.refused;
      expect(refusal!.field).toContain(`rayClusterConfig.${group}.template.spec.`);
    });
  });
}
