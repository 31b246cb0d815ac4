/**
 * Paths the shipped catalog never takes, on catalogs edited for the test: a single-loop model with
 * no measurements (the cross-class roofline) and a dual-loop anchor with no bandwidth telemetry.
 */
import { BUNDLED_CATALOG_FILES } from '../../../src/engine/catalog/bundled';
import { type Catalog, loadCatalog } from '../../../src/engine/catalog/load';
import { presetHardware } from '../../../src/engine/hardware/preset';
import { projectVla } from '../../../src/engine/vla/project';
import type { Hardware } from '../../../src/engine/hardware/types';
import type { VlaQuery } from '../../../src/engine/vla/types';

type RawModel = { key: string; measured5090: Record<string, unknown> & { dualLoop?: Record<string, unknown> | null } };

function catalogWith(edit: (models: RawModel[]) => void) {
  const vla = structuredClone(BUNDLED_CATALOG_FILES['vla.json']) as { models: RawModel[] };
  edit(vla.models);
  return loadCatalog({ ...BUNDLED_CATALOG_FILES, 'vla.json': vla });
}

function model(models: RawModel[], key: string): RawModel {
  const found = models.find((m) => m.key === key);
  if (!found) throw new Error(`no ${key} in the shipped catalog`);
  return found;
}

function preset(catalog: Catalog, id: string): Hardware {
  const tier = catalog.tierById[id];
  if (!tier) throw new Error(`no tier ${id}`);
  return presetHardware(catalog, tier);
}

const query = (vla: string): VlaQuery => ({ vla, dtype: null, nActionTokens: null, cameras: null, fleetSize: 1, cameraMode: 'native', npuShare: null });

describe('a single-loop model without measurements', () => {
  const catalog = catalogWith((models) => {
    model(models, 'nora_3b').measured5090.calibrated = false;
  });

  it('is projected from its FLOP and parameter counts and labelled cross-class', () => {
    const mid = preset(catalog, 'mid');
    // vision 342 GFLOP / (200 TOPS x 0.45) = 3.8 ms; prefill 581 / (200 x 0.10) = 29.05 ms;
    // decode: 2 x 3.09 GB / intensity 1 at 94.08 x 0.75 GB/s = 87.585 ms a token; plus Mid's 1 ms overhead
    const p = projectVla(catalog, mid, query('nora_3b'));
    expect(p.runs).toBe(true);
    expect(p.vlaSource).toBe('cross_class');
    expect(p.regime).toBe('single_loop_cross_class_roofline');
    expect(p.visionMs).toBeCloseTo(3.8, 12);
    expect(p.llmPrefillMs).toBeCloseTo(29.05, 12);
    expect(p.decodeMsPerToken).toBeCloseTo((6.18 / 70.56) * 1000, 9);
    expect(p.msPerAction).toBeCloseTo(3.8 + 29.05 + 5 * ((6.18 / 70.56) * 1000) + 1, 9);
  });

  it('is a roofline on the 5090 too: nothing measured to use', () => {
    const gpu = preset(catalog, 'rtx5090');
    expect(projectVla(catalog, gpu, query('nora_3b')).vlaSource).toBe('cross_class');
  });
});

describe('a dual-loop anchor without bandwidth telemetry', () => {
  const catalog = catalogWith((models) => {
    const loop = model(models, 'nora_1p5').measured5090.dualLoop;
    if (loop) loop.denoiseStepEffectiveBwGbs = null;
  });

  it('carries the measured denoise step unchanged, as both the eager step and its floor', () => {
    const high = preset(catalog, 'high');
    const p = projectVla(catalog, high, query('nora_1p5'));
    expect(p.denoiseStepMs).toBe(15.775);
    expect(p.denoiseStepMsOptimizedFloor).toBe(15.775);
    expect(p.msPerAction).toBeCloseTo((18.12644175 + 10 * 15.775) / 5, 7);
  });
});
