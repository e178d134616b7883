/** The cluster-spec comparison sees a spec as KubeRay's Go structs marshal it (go-json/marshal.ts). */
import { describe, expect, it } from 'vitest';
import { compareClusterSpecs } from '../../src/kuberay/cluster-hash.js';
import { goShapeFor } from '../../src/kuberay/go-json/shapes.js';
import { RELEASES, resolveRelease } from '../../src/kuberay/releases.js';
import { storedSpec } from '../../src/kuberay/stored-spec.js';
import { rayService, type Obj } from '../fixtures/rayservice.js';

const rcc = (rs: Obj) => rs.spec.rayClusterConfig;
const headPod = (rs: Obj) => rcc(rs).headGroupSpec.template.spec;
const worker0 = (rs: Obj) => rcc(rs).workerGroupSpecs[0];

const CASES: [name: string, edit: (rs: Obj) => void, same: boolean][] = [
  ['env value ""', (rs) => (headPod(rs).containers[0].env = [{ name: 'A', value: '' }]), false],
  ['hostNetwork: false', (rs) => (headPod(rs).hostNetwork = false), true],
  ['securityContext: {} (pointer)', (rs) => (headPod(rs).securityContext = {}), false],
  ['autoscalerOptions: {} (pointer)', (rs) => (rcc(rs).autoscalerOptions = {}), false],
  ['enableInTreeAutoscaling: false (pointer)', (rs) => (rcc(rs).enableInTreeAutoscaling = false), false],
  ['unknown container field', (rs) => (headPod(rs).containers[0].colour = 'blue'), true],
  ['unknown pod field', (rs) => (headPod(rs).nodeSelectorTerms = { a: 'b' }), true],
  ['null field', (rs) => (headPod(rs).affinity = null), true],
  ['empty omitempty list', (rs) => (headPod(rs).volumes = []), true],
  ['headGroupSpec.serviceType: "" (omitempty)', (rs) => (rcc(rs).headGroupSpec.serviceType = ''), true],
  ['template metadata: {} (value struct)', (rs) => (worker0(rs).template.metadata = {}), true],
  ['args [""] keeps the item', (rs) => (headPod(rs).containers[0].args = ['']), false],
  ['quantities canonical', (rs) => (headPod(rs).containers[0].resources.requests.cpu = '1000m'), true],
  ['rayStartParams absent (no omitempty)', (rs) => delete worker0(rs).rayStartParams, false],
  ['terminationGracePeriodSeconds: 0 (pointer)', (rs) => (headPod(rs).terminationGracePeriodSeconds = 0), false],
  ['container port hostPort: 0', (rs) => (headPod(rs).containers[0].ports[0].hostPort = 0), true],
];

describe('the hashed view is what json.Marshal writes', () => {
  for (const version of ['1.6.2', '1.5.1']) {
    const release = resolveRelease(version)!;
    it.each(CASES)(`${version}: %s`, (_name, edit, same) => {
      const base = rayService();
      const head = rayService(edit);
      const a = storedSpec(base.spec, release.minor).rayClusterConfig as Obj;
      const b = storedSpec(head.spec, release.minor).rayClusterConfig as Obj;
      expect(compareClusterSpecs(a, b, release).kind).toBe(same ? 'equal' : 'different');
    });
  }

  it.each(RELEASES.map((r) => r.version))("KubeRay %s is hashed with its own release line's shape", (version) => {
    expect(goShapeFor(version).exact).toBe(true);
  });

  it('a release line without a shape of its own (a newer one) keeps the fields that shape lacks', () => {
    expect(goShapeFor('1.8').exact).toBe(false);
    expect(goShapeFor('1.7').shape.types['apis/ray/v1.RayServiceSpec']?.some((f) => f.n === 'suspend')).toBe(true);
    expect(goShapeFor('1.6').shape.types['apis/ray/v1.RayServiceSpec']?.some((f) => f.n === 'suspend')).toBe(false);
    expect(storedSpec({ suspend: true }, '1.7').suspend).toBe(true);
  });
});
