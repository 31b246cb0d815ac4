/** From what a user types to a VlaQuery: model names, defaults, dtype and camera-mode spelling. */
import { createVlaProjector } from '../../../src/engine/vla/projector';
import { makeVlaModelResolver, vlaQueryOf } from '../../../src/engine/vla/args';
import { testEngine } from '../../helpers/engine';

const engine = testEngine();
const models = makeVlaModelResolver(engine.catalog);

describe('VLA model names', () => {
  it.each([
    ['pi_0p5', 'pi_0p5'],
    ['π0.5 (PaliGemma + Gemma action expert)', 'pi_0p5'],
    ['PI0.5', 'pi_0p5'],
    ['NORA', 'nora_3b'],
    ['nora-1.5', 'nora_1p5'],
    ['BitVLA', 'bitvla'],
    ['openvla 7b (single-loop autoregressive)', 'openvla_7b_single'],
  ])('"%s" is %s', (name, key) => {
    expect(models.resolve(name, 'vla').key).toBe(key);
  });

  it('an unknown name lists the valid ones', () => {
    expect(() => models.resolve('RT-2', 'vla')).toThrow(/unknown VLA "RT-2"; valid: openvla_7b_single \("OpenVLA 7B \(single-loop autoregressive\)"\), nora_3b/);
  });
});

describe('vlaQueryOf', () => {
  it('fills the defaults: one robot, native cameras, the model own camera count and tokens', () => {
    expect(vlaQueryOf(engine.catalog, models, { vla: 'NORA' })).toEqual({
      vla: 'nora_3b',
      dtype: null,
      nActionTokens: null,
      cameras: null,
      fleetSize: 1,
      cameraMode: 'native',
      npuShare: null,
    });
  });

  it('reads dtype and camera mode case-insensitively, and passes an unknown mode through for a runs: false answer', () => {
    const q = vlaQueryOf(engine.catalog, models, { vla: 'bitvla', dtype: 'INT8', cameraMode: 'Stitched' });
    expect(q.dtype).toBe('int8');
    expect(q.cameraMode).toBe('stitched');
    expect(vlaQueryOf(engine.catalog, models, { vla: 'bitvla', cameraMode: 'Panorama' }).cameraMode).toBe('Panorama');
  });
});

describe('createVlaProjector', () => {
  it('projects user-facing arguments on any hardware', () => {
    const vla = createVlaProjector(engine.catalog);
    const p = vla.project(engine.hardware({ tier: 'NPU High' }), { vla: 'NORA-1.5', fleetSize: 2 });
    expect(p.vla).toBe('nora_1p5');
    expect(p.mode).toBe('fleet');
    expect(p.hardware).toBe('NPU High');
    expect(p.runs).toBe(true);
  });
});
