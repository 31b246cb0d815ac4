/**
 * Cross-checks of data/vla.json that its schema cannot express: unique keys and names, tracks that
 * name known models, dtypes the projection can look up, camera counts that agree. Called once by
 * loadCatalog after the schema has passed; the first problem is reported with its JSON path.
 */
import { failCatalog } from '../catalog/fail';
import type { VlaFile } from '../catalog/schemas-vla';
import { normalizeName } from '../util/names';
import { dtypeFromPath, expertDtypeCandidates } from './dtype';

function fail(path: string, message: string): never {
  failCatalog('vla.json', path, message);
}

function checkUnique(values: readonly string[], path: (i: number) => string, what: string): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) fail(path(i), `duplicate ${what} "${value}"`);
    seen.add(value);
  });
}

export function checkVlaCatalog(files: { readonly 'vla.json': VlaFile }): void {
  const vla = files['vla.json'];
  const dtypeIds = vla.dtypes.map((d) => d.id);
  checkUnique(dtypeIds, (i) => `dtypes[${i}].id`, 'dtype');
  if (!dtypeIds.includes(vla.anchorDtype)) fail('anchorDtype', `unknown dtype "${vla.anchorDtype}"`);

  checkUnique(vla.models.map((m) => m.key), (i) => `models[${i}].key`, 'model key');
  if (!vla.models.some((m) => m.key === vla.defaultModel)) fail('defaultModel', `unknown model "${vla.defaultModel}"`);
  const nameOwner = new Map<string, string>();
  vla.models.forEach((model, i) => {
    const path = `models[${i}]`;
    // Users type any of these names; each must lead to exactly one model.
    const names: [string, string][] = [['key', model.key], ['label', model.label], ...model.aliases.map((a, j): [string, string] => [`aliases[${j}]`, a])];
    for (const [field, name] of names) {
      const normal = normalizeName(name);
      const owner = nameOwner.get(normal);
      if (owner !== undefined && owner !== model.key) fail(`${path}.${field}`, `the name "${name}" of "${model.key}" also names "${owner}"`);
      nameOwner.set(normal, model.key);
    }
    for (const [component, record] of Object.entries(model.components)) {
      record.dtypes.forEach((dtype, j) => {
        if (!dtypeIds.includes(dtype)) fail(`${path}.components.${component}.dtypes[${j}]`, `unknown dtype "${dtype}"`);
      });
    }
    // The projection reads the default dtype (and, for dual loops, the expert's FP dtypes) off the path label.
    const implied = [dtypeFromPath(model.dtypePath.default), ...expertDtypeCandidates(model.dtypePath.default)];
    for (const dtype of implied) {
      if (!dtypeIds.includes(dtype)) fail(`${path}.dtypePath.default`, `implies dtype "${dtype}", which dtypes does not list`);
    }
    if (model.cameras.measured > model.cameras.maxNative) {
      fail(`${path}.cameras.measured`, `measured with ${model.cameras.measured} cameras but takes at most ${model.cameras.maxNative} natively`);
    }
  });

  const modelKeys = new Set(vla.models.map((m) => m.key));
  checkUnique(vla.tracks.map((t) => t.id), (i) => `tracks[${i}].id`, 'track id');
  vla.tracks.forEach((track, i) => {
    checkUnique(track.models, (j) => `tracks[${i}].models[${j}]`, 'model');
    track.models.forEach((key, j) => {
      if (!modelKeys.has(key)) fail(`tracks[${i}].models[${j}]`, `unknown VLA model "${key}"`);
    });
  });
}
