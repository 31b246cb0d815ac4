/**
 * VLA projection: time per action, action rate and memory of a vision-language-action model on a
 * piece of hardware, from its RTX 5090 measurements. Checks run in the reference's order (camera
 * mode, camera and fleet counts, native camera limit), then the model's architecture projects
 * (single-loop.ts, dual-loop.ts, oft.ts) and finalize.ts applies provenance, cameras and fleet.
 * See docs/decisions/0010-vla-projection.md.
 */
import type { Catalog } from '../catalog/load';
import type { VlaModelRecord } from '../catalog/schemas-vla';
import { resolveShare, type Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import { cameraScaling, vlaMode } from './cameras';
import { makeVlaContext } from './context';
import { dtypeFromPath } from './dtype';
import { projectDualLoop } from './dual-loop';
import { finalizeVla } from './finalize';
import { projectOft } from './oft';
import { notRun, type VlaSetup } from './result';
import { projectSingleLoop } from './single-loop';
import type { VlaProjection, VlaQuery } from './types';
import { checkVlaQuery } from './validate';

function findModel(catalog: Catalog, key: string): VlaModelRecord {
  const models = catalog.files['vla.json'].models;
  const model = models.find((m) => m.key === key);
  if (!model) throw new SizerError('unknown_name', `unknown VLA "${key}"; valid: ${models.map((m) => m.key).join(', ')}`, 'vla');
  return model;
}

export function projectVla(catalog: Catalog, hw: Hardware, query: VlaQuery): VlaProjection {
  const model = findModel(catalog, query.vla);
  checkVlaQuery(catalog, query);

  const share = resolveShare(hw, query.npuShare);
  const execDtype = query.dtype ?? dtypeFromPath(model.dtypePath.default);
  const nActionTokens = query.nActionTokens ?? model.nActionTokens;
  const nCameras = query.cameras ?? model.cameras.measured;
  const setup: VlaSetup = {
    vla: model.key,
    hardware: hw.name,
    dtype: execDtype,
    architecture: model.architecture,
    nActionTokens,
    npuShare: share,
    nCameras,
    fleetSize: query.fleetSize,
    cameraMode: query.cameraMode,
    mode: vlaMode(nCameras, query.fleetSize),
  };

  const cameras = cameraScaling(model, nCameras, query.fleetSize, query.cameraMode);
  if ('reason' in cameras) return notRun(setup, cameras.reason);

  const ctx = makeVlaContext(catalog, hw, { share, execDtype, nActionTokens, nCameras, cameras });
  let result: VlaProjection;
  switch (model.architecture) {
    case 'single_loop':
      result = projectSingleLoop(ctx, model, setup);
      break;
    case 'oft_parallel_chunk':
      result = projectOft(ctx, model, setup);
      break;
    case 'dual_loop_native':
    case 'dual_loop_capable':
      result = projectDualLoop(ctx, model, setup);
      break;
  }
  return finalizeVla(ctx, model, result);
}
