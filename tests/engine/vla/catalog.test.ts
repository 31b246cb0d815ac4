/** data/vla.json: its schema, and the cross-checks of checkVlaCatalog. */
import { BUNDLED_CATALOG_FILES } from '../../../src/engine/catalog/bundled';
import { type VlaFile, vlaFileSchema } from '../../../src/engine/catalog/schemas-vla';
import { checkVlaCatalog } from '../../../src/engine/vla/check';
import { testEngine } from '../../helpers/engine';

/** A fresh, mutable copy of the shipped file as parsed by its schema. */
function shippedVla(): VlaFile {
  return vlaFileSchema.parse(structuredClone(BUNDLED_CATALOG_FILES['vla.json']));
}

function rawVla(): Record<string, unknown> & { models: Record<string, unknown>[] } {
  return structuredClone(BUNDLED_CATALOG_FILES['vla.json']) as Record<string, unknown> & { models: Record<string, unknown>[] };
}

describe('the shipped VLA catalog', () => {
  const vla = testEngine().catalog.files['vla.json'];

  it('has the six models in the reference order, with their architectures', () => {
    expect(vla.models.map((m) => m.key)).toEqual(['openvla_7b_single', 'nora_3b', 'bitvla', 'nora_1p5', 'pi_0p5', 'openvla_7b_cached']);
    expect(vla.models.map((m) => m.architecture)).toEqual([
      'single_loop',
      'single_loop',
      'oft_parallel_chunk',
      'dual_loop_native',
      'dual_loop_native',
      'dual_loop_capable',
    ]);
  });

  it('has the four tracks', () => {
    expect(Object.fromEntries(vla.tracks.map((t) => [t.id, t.models]))).toEqual({
      autoregressive: ['openvla_7b_single', 'bitvla'],
      dual_loop: ['openvla_7b_cached', 'nora_3b', 'nora_1p5', 'pi_0p5'],
      integer_friendly: ['bitvla', 'openvla_7b_single'],
      fp_required: ['nora_1p5', 'pi_0p5'],
    });
  });

  it('passes the cross-checks', () => {
    expect(() => checkVlaCatalog({ 'vla.json': vla })).not.toThrow();
  });
});

describe('the VLA schema', () => {
  it('rejects a misspelt field (objects are strict)', () => {
    const raw = rawVla();
    (raw.models[0] as Record<string, unknown>).nActionToken = 7;
    const result = vlaFileSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('rejects a negative measured time and an unknown architecture', () => {
    const negative = rawVla();
    const measured = (negative.models[1] as { measured5090: { components: { visionMs: number } } }).measured5090;
    measured.components.visionMs = -1;
    expect(vlaFileSchema.safeParse(negative).success).toBe(false);
    const unknownArchitecture = rawVla();
    (unknownArchitecture.models[0] as Record<string, unknown>).architecture = 'triple_loop';
    expect(vlaFileSchema.safeParse(unknownArchitecture).success).toBe(false);
  });

  it('requires each architecture to carry its own anchors (a dual loop has no decode time)', () => {
    const raw = rawVla();
    const dual = raw.models[3] as { measured5090: { components: Record<string, number> } };
    dual.measured5090.components.decodeMsPerToken = 1;
    expect(vlaFileSchema.safeParse(raw).success).toBe(false);
  });
});

describe('checkVlaCatalog', () => {
  const problem = (edit: (vla: VlaFile) => void): string => {
    const vla = shippedVla();
    edit(vla);
    try {
      checkVlaCatalog({ 'vla.json': vla });
    } catch (e) {
      expect((e as { code?: string }).code).toBe('catalog_invalid');
      return (e as Error).message;
    }
    throw new Error('expected a catalog_invalid error');
  };

  it.each<[string, (vla: VlaFile) => void, string]>([
    ['a track naming an unknown model', (v) => v.tracks[0]?.models.push('openvla_13b'), 'data/vla.json: tracks[0].models[2]: unknown VLA model "openvla_13b"'],
    ['a model listed twice in a track', (v) => v.tracks[3]?.models.push('pi_0p5'), 'data/vla.json: tracks[3].models[2]: duplicate model "pi_0p5"'],
    ['a duplicate model key', (v) => { const second = v.models[1]; if (second) second.key = 'openvla_7b_single'; }, 'data/vla.json: models[1].key: duplicate model key "openvla_7b_single"'],
    ['an alias that names another model', (v) => v.models[0]?.aliases.push('NORA'), 'data/vla.json: models[1].aliases[0]: the name "NORA" of "nora_3b" also names "openvla_7b_single"'],
    ['a component dtype the catalog does not list', (v) => v.models[2]?.components.actionHead.dtypes.push('fp6'), 'data/vla.json: models[2].components.actionHead.dtypes[1]: unknown dtype "fp6"'],
    ['more measured cameras than native ones', (v) => { const pi = v.models[4]; if (pi) pi.cameras.measured = 4; }, 'data/vla.json: models[4].cameras.measured: measured with 4 cameras but takes at most 3 natively'],
    ['an anchor dtype the catalog does not list', (v) => { v.anchorDtype = 'fp16'; }, 'data/vla.json: anchorDtype: unknown dtype "fp16"'],
  ])('reports %s with its path', (_what, edit, message) => {
    expect(problem(edit)).toBe(message);
  });
});
