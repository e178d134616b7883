/**
 * Folders of RayService manifests for `--base` and `--head`: each call writes the given
 * RayServices into a new folder under one root, one file each (none: an empty folder, the base of
 * a first apply).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rayServiceYaml, type RayServiceFixture } from '../harness/fixtures.js';
import type { KubeObject } from '../harness/kube/rest.js';

/** `root` may be assigned later (in beforeAll): it is read at each call. */
export function manifestDirs(root: () => string): (...objects: (RayServiceFixture | KubeObject)[]) => string {
  let count = 0;
  return (...objects) => {
    const dir = join(root(), `m${++count}`);
    mkdirSync(dir);
    for (const o of objects) {
      if ('apiVersion' in o) {
        // Objects built by hand go out as they are: JSON is YAML.
        const object = o as KubeObject;
        writeFileSync(join(dir, `${object.metadata.namespace}-${object.metadata.name}.yaml`), JSON.stringify(object));
      } else {
        const fixture = o as RayServiceFixture;
        writeFileSync(join(dir, `${fixture.namespace}-${fixture.name}.yaml`), rayServiceYaml(fixture));
      }
    }
    return dir;
  };
}
