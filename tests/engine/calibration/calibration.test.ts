import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  basisMeaning,
  bundledCalibration,
  calibratedDecode,
  createBundledEngine,
  explanationOnBasis,
  fitConstants,
  MIN_USER_ROWS,
  calibrateFromRows,
  parseBasis,
  parseUserCalibrationRows,
  parseValidationFile,
  type CalibrationConstants,
  type Engine,
  type FitRow,
} from '../../../src/engine';
import { answerLine } from '../../../src/cli/query';
import { workloadDecodeMultiplier } from '../../helpers/workloads';

const ROOT = join(__dirname, '../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

const settings = bundledCalibration();

function runQueryLine(engine: Engine, line: Record<string, unknown>): Record<string, unknown> {
  const answer = answerLine(engine, JSON.stringify(line)) as Record<string, unknown>;
  if ('error' in answer) throw new Error(JSON.stringify(answer.error));
  return answer;
}
const handConstants: CalibrationConstants = {
  bwEfficiency: { '4bit': 0.5, '8bit': 0.6, '16bit': 0.8 },
  gddrFactor: 1.25,
  perLayerOverheadMs: 0.1,
  gddrOverheadFactor: 0.4,
  moeRoutingFactor: 1.5,
  narrowBusFactor: 0.5,
};
const lpddr = { peakBandwidthGbs: 100, memType: 'LPDDR5', busWidthBits: 128 };
const model = { activeParamsB: 1, bytesPerParam: 0.5, isMoe: false, contextTokens: 1000, hiddenDim: 1000, numLayers: 10, kvHeadRatio: 0.5 };

describe('calibrated decode model (hand-worked)', () => {
  it('adds weight read, KV read and per-layer overhead', () => {
    // weights 0.5 GB / (100 GB/s x 0.5) = 10 ms; KV 2 x 10 x 1000 x 0.5 x 2 B x 1000 = 20 MB / (100 GB/s x 0.8) = 0.25 ms;
    // overhead 0.1 ms x 10 layers = 1 ms; 1000 / 11.25 ms = 88.89 tok/s.
    const d = calibratedDecode(settings, handConstants, { ...lpddr, ...model });
    expect(d.weightFormat).toBe('4bit');
    expect(d.weightMsPerToken).toBeCloseTo(10, 9);
    expect(d.kvMsPerToken).toBeCloseTo(0.25, 9);
    expect(d.overheadMsPerToken).toBeCloseTo(1, 9);
    expect(d.decodeTokS).toBeCloseTo(1000 / 11.25, 6);
  });

  it('applies the GDDR factors to both reads and the overhead, the MoE factor to the weight read and the narrow-bus factor below 65 bits', () => {
    // GDDR: 10 / 1.25 = 8 ms, 0.25 / 1.25 = 0.2 ms, + 1 ms x 0.4 = 0.4 ms.
    expect(calibratedDecode(settings, handConstants, { ...lpddr, memType: 'GDDR6X', ...model }).decodeTokS).toBeCloseTo(1000 / 8.6, 6);
    // MoE: 10 x 1.5 = 15 ms + 0.25 + 1.
    expect(calibratedDecode(settings, handConstants, { ...lpddr, ...model, isMoe: true }).decodeTokS).toBeCloseTo(1000 / 16.25, 6);
    // 64-bit bus: 20 + 0.5 + 1 ms; an unknown (0) bus width is not narrow.
    expect(calibratedDecode(settings, handConstants, { ...lpddr, busWidthBits: 64, ...model }).decodeTokS).toBeCloseTo(1000 / 21.5, 6);
    expect(calibratedDecode(settings, handConstants, { ...lpddr, busWidthBits: 0, ...model }).decodeTokS).toBeCloseTo(1000 / 11.25, 6);
  });

  it('classes weight formats by bits per weight: up to 6 is 4-bit, up to 12 is 8-bit, above is 16-bit', () => {
    const at = (bytesPerParam: number) => calibratedDecode(settings, handConstants, { ...lpddr, ...model, bytesPerParam }).weightFormat;
    expect([at(0.57), at(0.75), at(1.04), at(1.5), at(2)]).toEqual(['4bit', '4bit', '8bit', '8bit', '16bit']);
  });
});

describe('fit', () => {
  it('recovers known constants from rows generated with them', () => {
    const truth: CalibrationConstants = { bwEfficiency: { '4bit': 0.7, '8bit': 0.8, '16bit': 0.85 }, gddrFactor: 1.1, perLayerOverheadMs: 0.05, gddrOverheadFactor: 0.5, moeRoutingFactor: 1.2, narrowBusFactor: 0.8 };
    const rows: FitRow[] = [];
    const kinds = [
      { memType: 'LPDDR5', busWidthBits: 256 },
      { memType: 'GDDR6X', busWidthBits: 384 },
      { memType: 'LPDDR4X', busWidthBits: 32 },
    ];
    let n = 0;
    for (const kind of kinds) {
      for (const bw of [50, 200, 800]) {
        for (const bytesPerParam of [0.55, 1.06, 2]) {
          for (const [activeParamsB, isMoe] of [[1, false], [8, false], [3, true]] as const) {
            const input = { ...kind, peakBandwidthGbs: bw, activeParamsB, bytesPerParam, isMoe, contextTokens: 512, numLayers: 32 };
            rows.push({ id: `r${n++}`, input, measuredTokS: calibratedDecode(settings, truth, input).decodeTokS });
          }
        }
      }
    }
    const fitted = fitConstants(settings, rows);
    expect(fitted.bwEfficiency['4bit']).toBeCloseTo(0.7, 2);
    expect(fitted.bwEfficiency['16bit']).toBeCloseTo(0.85, 2);
    expect(fitted.gddrFactor).toBeCloseTo(1.1, 2);
    expect(fitted.moeRoutingFactor).toBeCloseTo(1.2, 2);
    expect(fitted.narrowBusFactor).toBeCloseTo(0.8, 2);
    expect(fitted.perLayerOverheadMs).toBeCloseTo(0.05, 3);
    // Overhead is a small share of the GDDR rows' time, and the fit's weak pull toward 1 shows there.
    expect(fitted.gddrOverheadFactor).toBeCloseTo(0.5, 1);
  });

  it('refuses to fit fewer rows than it has constants', () => {
    expect(() => fitConstants(settings, [])).toThrow(/at least 9 rows, got 0/);
  });
});

describe('validation set', () => {
  const rows = parseValidationFile(readJson('data/validation/rows.json'), 'data/validation/rows.json');
  const heldOut = parseValidationFile(readJson('data/validation/held-out.json'), 'data/validation/held-out.json');

  it('has at least 40 decode rows on at least 15 devices across LPDDR4X/5/5X, GDDR6X/7', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.device.replace(/\s*\(.*$/, ''))).size).toBeGreaterThanOrEqual(15);
    const types = new Set(rows.map((r) => r.memory.type));
    for (const type of ['LPDDR4X', 'LPDDR5', 'LPDDR5X', 'GDDR6X', 'GDDR7']) expect(types).toContain(type);
  });

  it('keeps the held-out rows out of the set', () => {
    const ids = new Set(rows.map((r) => r.id));
    expect(heldOut.filter((r) => ids.has(r.id))).toEqual([]);
    expect(heldOut.length).toBeGreaterThanOrEqual(10);
  });

  it('cites every row and every checked vendor figure', () => {
    for (const row of [...rows, ...heldOut]) {
      expect(row.citation.length).toBeGreaterThan(10);
      if (row.memory.factsFrom === 'vendor_spec') expect(row.memory.specCitation).toMatch(/^https?:\/\//);
    }
  });

  it('names the row and the field of a bad row', () => {
    const raw = readJson('data/validation/rows.json') as { rows: Record<string, unknown>[] };
    const bad = { ...raw, rows: raw.rows.map((r, i) => (i === 3 ? { ...r, decodeTokS: -1 } : r)) };
    expect(() => parseValidationFile(bad, 'rows.json')).toThrow(/^rows\.json: rows\[3\]\.decodeTokS: /);
  });
});

describe('shipped constants', () => {
  it('were fitted to the set with the leave-one-out figures inside the targets', () => {
    const raw = readJson('data/calibration.json') as { provenance: { rows: number; looMedianAbsErrorPct: number; looGeomeanRatio: number } };
    expect(raw.provenance.rows).toBe(parseValidationFile(readJson('data/validation/rows.json'), 'rows').length);
    expect(raw.provenance.looMedianAbsErrorPct).toBeLessThanOrEqual(15);
    expect(raw.provenance.looGeomeanRatio).toBeGreaterThanOrEqual(0.9);
    expect(raw.provenance.looGeomeanRatio).toBeLessThanOrEqual(1.1);
  });
});

describe('basis', () => {
  const engine = createBundledEngine();
  const custom = { mem_capacity_gb: 24, mem_bandwidth_gbs: 1008, mem_bus_width_bits: 384, peak_tops_int8: 100, mem_type: 'GDDR6X', silicon_class: 'gddr_class' };
  const query = { kind: 'what_if', custom, active_params_b: 8, total_params_b: 8, is_moe: false, bytes_per_param: 0.57, hidden_dim: 4096, num_layers: 32, prompt_tokens: 512 };

  it('leaves the reference number alone by default and bands it with the reference band', () => {
    const plain = runQueryLine(engine, query);
    const reference = runQueryLine(engine, { ...query, basis: 'reference' });
    expect(reference.decode_tok_s).toBe(plain.decode_tok_s);
    expect(plain.basis).toBe('reference');
    const band = engine.calibration.bands.reference;
    expect(plain.decode_tok_s_low).toBeCloseTo((plain.decode_tok_s as number) * band.lowRatio, 9);
    expect(plain.decode_tok_s_high).toBeCloseTo((plain.decode_tok_s as number) * band.highRatio, 9);
  });

  it('answers what_if on the calibrated basis from the shipped constants', () => {
    const raw = readJson('data/calibration.json') as { constants: CalibrationConstants; kvBytesPerElement: number };
    const c = raw.constants;
    // By hand: 8e9 x 0.57 bytes over 1008 GB/s x 4-bit efficiency x GDDR factor; KV 2 x 32 x 4096 x 0.25 x 2 B x 512 over the 16-bit share; 32 layers of GDDR overhead.
    const weightMs = ((8e9 * 0.57) / (1008e9 * c.bwEfficiency['4bit'] * c.gddrFactor)) * 1000;
    const kvMs = ((2 * 32 * 4096 * 0.25 * raw.kvBytesPerElement * 512) / (1008e9 * c.bwEfficiency['16bit'] * c.gddrFactor)) * 1000;
    const expected = 1000 / (weightMs + kvMs + 32 * c.perLayerOverheadMs * c.gddrOverheadFactor);
    const answer = runQueryLine(engine, { ...query, basis: 'calibrated' });
    expect(answer.decode_tok_s).toBeCloseTo(expected, 6);
    expect(answer.decode_tok_s_low as number).toBeLessThan(expected);
    expect(answer.decode_tok_s_high as number).toBeGreaterThan(expected);
  });

  it('reads a custom tier given only its silicon class as that class memory (GDDR for gddr_class)', () => {
    const calibrated = { ...query, basis: 'calibrated' };
    const named = runQueryLine(engine, calibrated);
    const byClass = runQueryLine(engine, { ...calibrated, custom: { ...custom, mem_type: undefined } });
    const lpddrClass = runQueryLine(engine, { ...calibrated, custom: { ...custom, mem_type: undefined, silicon_class: 'lp5x_128' } });
    expect(byClass.decode_tok_s).toBe(named.decode_tok_s);
    // Same bandwidth, but LPDDR constants: no GDDR factors on the reads and the overhead.
    expect(lpddrClass.decode_tok_s).not.toBe(named.decode_tok_s);
    expect(lpddrClass.overhead_ms_per_token).toBeCloseTo((named.overhead_ms_per_token as number) / engine.calibration.constants.gddrOverheadFactor, 9);
  });

  it('scales the whole-device calibrated number by an NPU share the user gives, not by the tier default share', () => {
    const whole = runQueryLine(engine, { ...query, basis: 'calibrated' });
    const half = runQueryLine(engine, { ...query, basis: 'calibrated', npu_share: 0.5 });
    expect(half.decode_tok_s).toBeCloseTo((whole.decode_tok_s as number) / 2, 9);
    expect(half.decode_tok_s_high).toBeCloseTo((whole.decode_tok_s_high as number) / 2, 9);
  });

  it('keeps a measured number on the calibrated basis', () => {
    const line = { kind: 'llm', tier: 'rtx5090', measurement_key: 'qwen25_7b_dense' };
    expect(runQueryLine(engine, { ...line, basis: 'calibrated' }).decode_tok_s).toBe(runQueryLine(engine, line).decode_tok_s);
  });

  it('refuses an unknown basis naming the valid ones', () => {
    expect(() => parseBasis('measured')).toThrow('unknown basis "measured"; valid: reference, calibrated');
    expect(parseBasis(null)).toBe('reference');
    expect(parseBasis(' Calibrated ')).toBe('calibrated');
  });
});

describe('calibration from the user\'s lab rows', () => {
  const lab = (decode: number, bandwidth: number) => ({ mem_bandwidth_gbs: bandwidth, mem_type: 'LPDDR5', mem_bus_width_bits: 256, active_params_b: 8, bytes_per_param: 0.5, num_layers: 32, decode_tok_s: decode });

  it('names the row and the field of a bad row', () => {
    expect(() => parseUserCalibrationRows([lab(30, 200), { ...lab(30, 200), decode_tok_s: 0 }])).toThrow(/^calibration row 2: decode_tok_s: /);
    expect(() => parseUserCalibrationRows({ rows: [{ mem_type: 'LPDDR5', active_params_b: 8, bytes_per_param: 0.5, decode_tok_s: 3 }] })).toThrow(
      'calibration row 1: mem_bandwidth_gbs: give mem_bandwidth_gbs, or mem_bus_width_bits and mem_data_rate_gtps to derive it',
    );
    expect(() => parseUserCalibrationRows('rows')).toThrow('a calibration is an array of rows, or an object with a "rows" array');
  });

  it('fits nothing from fewer rows than leave-one-out needs', () => {
    expect(() => calibrateFromRows(settings, parseUserCalibrationRows([lab(30, 200), lab(15, 100)]))).toThrow(`at least ${MIN_USER_ROWS} measured rows`);
  });

  it('moves the calibrated basis toward the lab numbers and reports its leave-one-out error', () => {
    // Lab rows 20% slower than the shipped constants project: the refit lands closer to them.
    const shippedAt = (bandwidth: number) => calibratedDecode(settings, settings.constants, { peakBandwidthGbs: bandwidth, memType: 'LPDDR5', busWidthBits: 256, activeParamsB: 8, bytesPerParam: 0.5, isMoe: false, contextTokens: 128, numLayers: 32 }).decodeTokS;
    const rows = parseUserCalibrationRows([100, 200, 400].map((bw) => lab(shippedAt(bw) * 0.8, bw)));
    const fitted = calibrateFromRows(settings, rows);
    const refit = calibratedDecode(fitted.calibration, fitted.calibration.constants, { peakBandwidthGbs: 200, memType: 'LPDDR5', busWidthBits: 256, activeParamsB: 8, bytesPerParam: 0.5, isMoe: false, contextTokens: 128, numLayers: 32 }).decodeTokS;
    expect(refit / shippedAt(200)).toBeLessThan(0.85);
    expect(fitted.looMedianAbsError).toBeLessThan(0.05);
    // Constants the rows never exercise stay at the shipped values.
    expect(fitted.calibration.constants.gddrFactor).toBeCloseTo(settings.constants.gddrFactor, 2);
    expect(fitted.calibration.constants.bwEfficiency['16bit']).toBeCloseTo(settings.constants.bwEfficiency['16bit'], 2);
    // What the calibrated basis says of itself names the lab rows it was fitted to, not published measurements.
    expect(basisMeaning(fitted.calibration, 'calibrated')).toMatch(/fitted to 3 of your lab rows/);
    expect(basisMeaning(fitted.calibration, 'calibrated')).not.toMatch(/published/);
    expect(basisMeaning(settings, 'calibrated')).toMatch(/fitted to \d+ published measurements/);
    // So does the sentence each calibrated number's explanation ends with.
    const engine = createBundledEngine();
    const hw = engine.hardware({ tier: 'low-lp5x' });
    const shape = { activeParamsB: 8, bytesPerParam: 0.5, isMoe: false, contextTokens: 128 };
    const decode = engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: 5, source: 'cross_class' }, shape, fitted.calibration);
    expect(explanationOnBasis(fitted.calibration, { parts: [], text: 'How.' }, 5, decode).text).toMatch(/fitted to your lab rows/);
    expect(explanationOnBasis(settings, { parts: [], text: 'How.' }, 5, decode).text).toMatch(/fitted to published measurements/);
  });
});

/**
 * The calibrated number of a catalog model, a token-shaped model and the pane's headline, checked
 * against the calibrated model itself (calibratedDecode on the model's own shape and the tier's memory,
 * from data files read here) times the workload's multiplier (data/llm.json) and an NPU share the user
 * gave: nothing else, in particular not a catalog model's size scale factor, which the model's own
 * shape already carries.
 */
describe('calibrated basis on every LLM path', () => {
  const engine = createBundledEngine();
  const TIER = 'low-lp5x';
  const tiers = readJson('data/tiers.json') as { tiers: { id: string; memory: { bandwidthGbs: number; type: string; busWidthBits: number } }[] };
  const tier = tiers.tiers.find((t) => t.id === TIER)!;
  const llm = readJson('data/llm.json') as { ttftPromptTokens: number; quants: { key: string; bytesPerParam: number }[] };
  const models = readJson('data/llm-models.json') as {
    models: { key: string; activeParamsB: number; totalParamsB: number }[];
    shapeModels: { key: string; activeParamsB: number; isMoe: boolean; hiddenDim: number; numLayers: number; numKvHeads: number; numAttentionHeads: number; bytesPerParam: number }[];
    shapeQuantSchemes: { bytesPerParam: Record<string, number> };
  };
  const memory = { peakBandwidthGbs: tier.memory.bandwidthGbs, memType: tier.memory.type, busWidthBits: tier.memory.busWidthBits };

  function catalogModelExpected(modelKey: string, quant: string, workload: string, share: number | null): number {
    const model = models.models.find((m) => m.key === modelKey)!;
    const bytesPerParam = llm.quants.find((q) => q.key === quant)!.bytesPerParam;
    const d = calibratedDecode(settings, settings.constants, {
      ...memory,
      activeParamsB: model.activeParamsB,
      bytesPerParam,
      isMoe: model.activeParamsB < model.totalParamsB,
      contextTokens: llm.ttftPromptTokens,
    });
    return d.decodeTokS * workloadDecodeMultiplier(workload) * (share ?? 1);
  }

  it.each([
    ['skippy_7b_v4', 'plain_chat', null],
    ['skippy_7b_v4', 'long_form_reasoning', null],
    ['skippy_7b_v4', 'plain_chat', 0.5],
    ['skippy_finetune', 'tool_use', null],
  ] as const)('llm_model %s, %s, npu_share %s: the calibrated model for its shape x the workload multiplier x the share given', (model, workload, share) => {
    const answer = runQueryLine(engine, { kind: 'llm_model', tier: TIER, model, quant: 'Q4_K_M', workload, npu_share: share, basis: 'calibrated' });
    expect(answer.source).toBe('cross_class');
    expect(answer.decode_tok_s).toBeCloseTo(catalogModelExpected(model, 'Q4_K_M', workload, share), 9);
  });

  it('the pane headline (kind config) and llm_model agree on the calibrated basis, at the NPU share the configuration gives', () => {
    const config = runQueryLine(engine, { kind: 'config', tier: TIER, npu_share: 0.5, basis: 'calibrated', llm: { enabled: true, model: 'skippy_7b_v4', quant: 'Q4_K_M', workload: 'plain_chat' } });
    const headline = config.llm as Record<string, number>;
    expect(headline.decode_tok_s).toBeCloseTo(catalogModelExpected('skippy_7b_v4', 'Q4_K_M', 'plain_chat', 0.5), 9);
  });

  it('llm_shape applies its workload multiplier on the calibrated basis too', () => {
    // The first token-shaped model that runs here on a projected (not measured) number.
    const ask = (model: string, workload: string) => runQueryLine(engine, { kind: 'llm_shape', tier: TIER, model, workload, basis: 'calibrated' });
    const shapeModel = models.shapeModels.find((m) => {
      const a = ask(m.key, 'plain_chat');
      return typeof a.decode_tok_s === 'number' && a.provenance_class !== 'measured';
    })!;
    expect(shapeModel).toBeDefined();
    const plain = ask(shapeModel.key, 'plain_chat');
    const reasoning = ask(shapeModel.key, 'long_form_reasoning');
    expect(plain.basis).toBe('calibrated');
    expect(reasoning.decode_tok_s as number).toBeCloseTo((plain.decode_tok_s as number) * workloadDecodeMultiplier('long_form_reasoning'), 9);
  });
});
