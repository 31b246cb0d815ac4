/**
 * pipelines.json: tracks partition the pipelines (each pipeline in exactly the track it names, each
 * track's canonical pipeline among its own), composed pipelines name known vision.json curves and
 * CLIP costs, and labels are unambiguous.
 */
import { failCatalog } from '../fail';
import type { CatalogIndexes } from '../indexes';
import type { CatalogFiles } from '../schemas';
import { checkNameCollisions } from './helpers';

export function checkPipelines(files: CatalogFiles, { pipelineByKey, trackById }: CatalogIndexes): void {
  const pipelinesFile = files['pipelines.json'];
  const vision = files['vision.json'];
  if (!trackById[pipelinesFile.defaultTrack]) failCatalog('pipelines.json', 'defaultTrack', `unknown track "${pipelinesFile.defaultTrack}"`);
  const trackOfPipeline = new Map<string, string>();
  pipelinesFile.tracks.forEach((track, i) => {
    if (!track.pipelines.includes(track.canonical)) failCatalog('pipelines.json', `tracks[${i}].canonical`, `"${track.canonical}" is not in the track`);
    track.pipelines.forEach((key, j) => {
      if (!pipelineByKey[key]) failCatalog('pipelines.json', `tracks[${i}].pipelines[${j}]`, `unknown pipeline "${key}"`);
      if (trackOfPipeline.has(key)) failCatalog('pipelines.json', `tracks[${i}].pipelines[${j}]`, `"${key}" is already in track "${trackOfPipeline.get(key)}"`);
      trackOfPipeline.set(key, track.id);
    });
  });
  pipelinesFile.pipelines.forEach((p, i) => {
    if (trackOfPipeline.get(p.key) !== p.track) failCatalog('pipelines.json', `pipelines[${i}].track`, `"${p.key}" is listed under track "${trackOfPipeline.get(p.key) ?? 'none'}", not "${p.track}"`);
    if (p.composed) {
      if (!vision.batchCurvesMsNpuMid[p.composed.detectorCurve]) failCatalog('pipelines.json', `pipelines[${i}].composed.detectorCurve`, `unknown batch curve "${p.composed.detectorCurve}"`);
      if (p.composed.clip !== null && vision.clipMsNpuMid[p.composed.clip] === undefined) failCatalog('pipelines.json', `pipelines[${i}].composed.clip`, `unknown CLIP cost "${p.composed.clip}"`);
    }
  });
  checkNameCollisions('pipelines.json', 'pipelines', pipelinesFile.pipelines.map((p) => ({ key: p.key, names: [p.label] })));
}
