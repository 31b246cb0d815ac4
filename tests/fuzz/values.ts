/**
 * Plausible values for an argument or query field, by its snake_case name (worksheet arguments and
 * query fields share their names): valid names from the pools, numbers inside the documented ranges
 * and, unless strict, at or just past their edges. The fuzzers mix these with hostile values.
 */
import { bundledCalibration } from '../../src/engine';
import { calibrationResultCells } from '../../src/report/calibration-table';
import { chance, pick, type Pools, type Rand, randomNumber, randomScalar, type Scalar } from './gen';

type Value = string | number | boolean | undefined;

/** Strict: only values inside the documented ranges (the call should usually be answered). */
let strict = false;

/** One of the valid values, or (when not strict, 40 % of the time) one at or past the edges. */
function either<T>(rand: Rand, valid: readonly T[], edge: readonly T[]): T {
  return !strict && edge.length > 0 && chance(rand, 0.4) ? pick(rand, edge) : pick(rand, valid);
}

const positive = (rand: Rand, max: number): number => either(rand, [1, 2, 0.5, max, Math.round(rand() * max * 100) / 100 || 1], [max + 1, 0, -1]);
const share = (rand: Rand): number => either(rand, [1, 0.75, 0.5, 0.25, 1e-6, Math.round(rand() * 1e6) / 1e6 || 1], [5e-324, 0, -0, -0.5, 1.0000001]);
const quality = (rand: Rand): number => either(rand, [1, 0.5, 2, 10, Math.round(rand() * 1e4) / 1e3 || 1], [10.0001, 0, -1, 1e-9]);
const whole = (rand: Rand, max: number): number => either(rand, [1, 2, 4, 8, Math.min(16, max), Math.floor(rand() * Math.min(16, max)) + 1], [17, 0, -1, 2.5, max, max + 1]);
const bool = (rand: Rand): Value => either<Value>(rand, [true, false], ['TRUE', 'false', 1, 0, 'yes', 'maybe']);
const tops = (rand: Rand): number => either(rand, [1, 10, 100, 400], [0, 1e6, 1e6 + 1, 1e308, 5e-324, 1e-300, -1]);

/** A plausible value for the field, or undefined (left out) when the name is not known here. */
export function plausible(rand: Rand, pools: Pools, name: string, context = '', strictValues = false): Value {
  strict = strictValues;
  switch (name) {
    case 'tier':
      return chance(rand, strict ? 0.1 : 0.25) ? pick(rand, pools.customTierTexts) : pick(rand, pools.tiers);
    case 'memory':
      // Strict calls mostly keep stock memory and no precision set (sets apply to Mid and High only).
      return strict && chance(rand, 0.6) ? undefined : pick(rand, pools.memory);
    case 'precision_set':
    case 'npu_precision_set':
      return strict && chance(rand, 0.75) ? undefined : pick(rand, pools.precisionSets);
    case 'pipeline':
    case 'workload_name':
      return context === 'llm' ? pick(rand, pools.quants) : pick(rand, pools.pipelines);
    case 'resolution':
      return pick(rand, pools.resolutions);
    case 'resolution_or_workload':
      return context === 'llm' ? pick(rand, pools.workloads) : pick(rand, pools.resolutions);
    case 'streams':
      return whole(rand, 16);
    case 'streams_or_qpm':
      return context === 'llm' ? positive(rand, 120) : whole(rand, 16);
    case 'duty_or_answer':
      return context === 'llm' ? either(rand, ['short', 'rag'], ['RAG', 'long']) : either(rand, [0, 0.25, 0.5, 1], [1.5, -0.1]);
    case 'duty_cycle':
      return either(rand, [0, 0.25, 0.5, 1], [1.5, -0.1, 5e-324]);
    case 'npu_share':
      return share(rand);
    case 'compiler_quality':
      return quality(rand);
    case 'quant':
    case 'option1':
      return context === 'fps' ? pick(rand, pools.resolutions) : pick(rand, pools.quants);
    case 'option2':
      return context === 'fps' ? whole(rand, 16) : pick(rand, pools.workloads);
    case 'quant_scheme':
    case 'compute_dtype':
      return pick(rand, pools.quantSchemes);
    case 'workload':
      return pick(rand, pools.workloads);
    case 'model':
      if (context === 'shape') return pick(rand, pools.shapeModels);
      if (context === 'bundle') return pick(rand, pools.bundleModels);
      return pick(rand, pools.models);
    case 'measurement_key':
      return pick(rand, [...pools.models, 'qwen25_7b_dense', 'qwen25_32b_dense']);
    case 'name':
      if (context === 'tokps') return pick(rand, pools.models);
      if (context === 'fps') return pick(rand, pools.pipelines);
      return either(rand, ['My NPU', 'x', 'OLMoE 7B-A1B', 'ünïcødé'], ['a;b', 'k=v']);
    case 'metric':
      return either(rand, ['tokps', 'fps', 'TOKPS', 'fps '], ['speed']);
    case 'target':
    case 'target_fps':
    case 'target_tokps':
      return either(rand, [1, 5, 15, 30, 100, Math.round(rand() * 600) / 10 || 1], [1e6, 0, -1, 5e-324]);
    case 'fp4_maturity':
      return either(rand, ['mature', 'immature'], ['MATURE', 'beta']);
    case 'answer_kind':
      return either(rand, ['short', 'rag'], ['RAG', 'long']);
    case 'queries_per_minute':
      return either(rand, [0, 1, 2, 10, 60, Math.round(rand() * 1000) / 10], [1e6, 1e7, -1]);
    case 'slot':
      return either(rand, ['vision', 'llm', 'LLM'], ['audio']);
    case 'dtype':
      return context === 'vla' ? either(rand, ['int8', 'fp8', 'bf16', 'int4', 'INT8'], ['fp16']) : pick(rand, pools.dtypes);
    case 'camera_mode':
      return either(rand, ['native', 'stitched', 'Stitched'], ['mosaic']);
    case 'vla':
      return pick(rand, pools.vlaModels);
    case 'cameras':
    case 'fleet_size':
      return whole(rand, 64);
    case 'n_action_tokens':
      return whole(rand, 256);
    case 'context_tokens':
      return either(rand, [1, 34, 100, 1000, 8000, 12691, 32000, Math.floor(rand() * 40000) + 1], [1e6, 1e9, 0, -5, 2.5]);
    case 'prompt_tokens':
    case 'decode_tokens':
      return either(rand, [1, 150, 500, 750, 8192, Math.floor(rand() * 20000) + 1], [1e7, 1e7 + 1, 0, -1, 2.5]);
    case 'hidden_dim':
    case 'num_layers':
      return either(rand, [1, 32, 4096, Math.floor(rand() * 8192) + 1], [1e6, 0, -1, 2.5, 1e15]);
    case 'active_params_b':
    case 'total_params_b':
      return either(rand, [0.5, 1, 3, 7, 14, 30, 70, Math.round(rand() * 1000) / 10 || 1], [1e3, 1e6, 0, -1, 5e-324, 1e308]);
    case 'bytes_per_param':
      return either(rand, [0.25, 0.57, 1, 1.06, 2, 4], [8, 0.2, 4.01, 8.01, 0, Math.round(rand() * 400) / 100]);
    case 'gguf_size_gb':
      return either(rand, [1, 18.6, 100], [1e5, 1e5 + 1, 0, -1, 5e-324]);
    case 'host_ms':
      return either(rand, [0, 1, 50], [3_600_000, 3_600_001, -1]);
    case 'is_moe':
    case 'llm_enabled':
    case 'with_header':
    case 'theoretical':
    case 'all':
      return bool(rand);
    case 'field':
      return strict ? undefined : pick(rand, pools.fields);
    case 'track':
      return pick(rand, pools.tracks);
    case 'silicon_class':
      return pick(rand, pools.siliconClasses);
    case 'mem_type':
      return either(rand, ['LPDDR5X', 'HBM3', 'LPDDR6'], ['x;y', 'a=b']);
    case 'bus_width_bits':
    case 'mem_bus_width_bits':
      return either(rand, [16, 32, 64, 96, 128, 256], [65536, 65537, 0, 1e308, 5e-324, 2.5]);
    case 'data_rate_gtps':
    case 'mem_data_rate_gtps':
      return either(rand, [6.4, 8.533, 14], [1000, 1001, 0, 1e308, 5e-324]);
    case 'capacity_gb':
    case 'mem_capacity_gb':
      return either(rand, [1, 8, 16, 32], [1e5, 1e5 + 1, 0, 1e308, 5e-324, 1e-300]);
    case 'mem_bandwidth_gbs':
      return either(rand, [1, 50, 102.4, 1000], [1e6, 1e6 + 1, 0, 1e308, 5e-324, 1e-300]);
    case 'tops_int8':
    case 'tops_bf16':
    case 'tops_fp8':
    case 'tops_fp4':
    case 'peak_tops_int8':
    case 'peak_tops_bf16':
    case 'peak_tops_fp8':
    case 'peak_tops_fp4':
      return tops(rand);
    case 'bandwidth_efficiency':
    case 'compute_efficiency':
      return either(rand, [0.5, 0.7, 1], [5e-324, 1e-9, 0, 1.01, -0.5]);
    case 'unit_price':
      return either(rand, [0, 1, 180, 600, 2500], [1e12, 1e12 + 1, -1, 1e308]);
    case 'devices':
      return either(rand, [1, 2, 12, 72, 1000], [0, -1, 2.5, 1e6 + 1]);
    case 'years':
      return either(rand, [1, 3, 5, 10, 0.5], [0, -1, 100.5]);
    case 'price_per_kwh':
      return either(rand, [0, 0.1, 0.3, 0.45], [-0.1, 1e12 + 1]);
    case 'hours_per_day':
      return either(rand, [24, 8, 12.5], [0, 24.5, -1]);
    case 'tdp_watts':
      return either(rand, [0, 5, 12], [1e5, 1e5 + 1, -1, 1e308]);
    default:
      return strict || chance(rand, 0.5) ? undefined : randomNumber(rand);
  }
}

type Table = Scalar[][];

/** One requirements row of SIZER.PLAN (src/report/plan-table.ts): a camera group, the LLM or the sites. */
function requirementRow(rand: Rand, pools: Pools, kind: 'vision' | 'llm' | 'sites'): Scalar[] {
  if (kind === 'vision') return ['vision', pick(rand, pools.pipelines), pick(rand, [...pools.resolutions, '']), either<Scalar>(rand, [1, 4, 16, 40, 200], [0, -3, 2.5, 'many']), either<Scalar>(rand, [1, 5, 15, 30], [0, -1, 'fast'])];
  if (kind === 'llm') return ['llm', pick(rand, pools.models), pick(rand, [...pools.quants, '']), either<Scalar>(rand, [0.5, 2, 10, ''], [-1, 'often']), pick(rand, [...pools.workloads, '']), either(rand, ['short', 'rag', ''], ['long'])];
  return ['sites', '', '', either(rand, [1, 12, 100], [0, 1.5]), ''];
}

/** A plausible table argument (PLAN's requirements, tiers or prices; CALIBRATE's lab rows; a calibration), or a hostile range or value. */
export function plausibleTable(rand: Rand, pools: Pools, name: string, strictValues = false): Table | Scalar {
  strict = strictValues;
  if (!strict && chance(rand, 0.08)) return chance(rand, 0.5) ? randomScalar(rand) : [[randomScalar(rand), randomScalar(rand)]];
  switch (name) {
    case 'requirements': {
      const rows: Table = chance(rand, 0.5) ? [['kind', 'name', 'option', 'amount', 'target', 'answer_kind']] : [];
      const groups = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < groups; i++) rows.push(requirementRow(rand, pools, 'vision'));
      if (chance(rand, 0.5)) rows.push(requirementRow(rand, pools, 'llm'));
      if (chance(rand, 0.6)) rows.push(requirementRow(rand, pools, 'sites'));
      if (!strict && chance(rand, 0.1)) rows.push([pick(rand, ['audio', '', 0, '=1+1']), 'x']);
      return rows;
    }
    case 'tiers':
      return chance(rand, 0.4) ? null : Array.from({ length: 1 + Math.floor(rand() * 4) }, () => [chance(rand, 0.2) ? pick(rand, pools.customTierTexts) : pick(rand, pools.tiers)]);
    case 'prices':
      if (chance(rand, 0.3)) return null;
      if (chance(rand, 0.3)) return either<Scalar>(rand, [600, 0, 99.5], [-1, 'cheap']);
      return [['unit_price', either(rand, [600, 180], [-5])], ['price_per_kwh', either(rand, [0.3, 0], [-1])], ['years', either(rand, [5, 3], [0])], [pick(rand, pools.tiers), either<Scalar>(rand, [900, 2500], ['dear'])]];
    case 'table': {
      // SIZER.CALIBRATE's lab rows: rows by tier, model and quant, and rows of typed facts.
      const rows: Table = [['device', 'tier', 'mem_bandwidth_gbs', 'mem_bus_width_bits', 'mem_type', 'model', 'active_params_b', 'total_params_b', 'quant', 'bits_per_weight', 'context_tokens', 'decode_tok_s']];
      const count = 3 + Math.floor(rand() * 5);
      for (let i = 0; i < count; i++) {
        const measured = either<Scalar>(rand, [5, 20, 80, 150], [0, -1, 'fast']);
        rows.push(
          chance(rand, 0.5)
            ? ['', pick(rand, [...pools.tiers, ...pools.customTierTexts]), '', '', '', pick(rand, pools.models), '', '', pick(rand, pools.quants), '', '', measured]
            : ['lab', '', either<Scalar>(rand, [17.1, 100, 256, 1008], [0, -5]), pick<Scalar>(rand, [32, 128, 256, 384, '']), pick(rand, ['LPDDR5X', 'GDDR6X', 'LPDDR4X', 'unified']), '', either<Scalar>(rand, [1, 3.3, 8], [0]), pick<Scalar>(rand, ['', 30]), '', either<Scalar>(rand, [4.5, 8.5, 16], [0, 40]), pick<Scalar>(rand, ['', 128, 512]), measured],
        );
      }
      if (!strict && chance(rand, 0.1)) rows.push([pick(rand, ['x', '', 0, '=1+1']), 'y']);
      return rows;
    }
    case 'calibration': {
      // A SIZER.CALIBRATE result (the shipped constants, as a refit spills them), a name, or blank.
      if (chance(rand, 0.4)) return null;
      if (chance(rand, 0.3)) return either<Scalar>(rand, ['published', 'PUBLISHED '], ['Lab', 0, 1]);
      const shipped = bundledCalibration();
      const result: Table = calibrationResultCells({ constants: shipped.constants, band: shipped.bands.calibrated, rows: 5, looMedianAbsError: 0.1, looGeomeanRatio: 1 });
      if (!strict && chance(rand, 0.3)) result[1 + Math.floor(rand() * (result.length - 1))]![1] = pick<Scalar>(rand, [-1, 'x', '', 1e308]);
      return result;
    }
    default:
      return undefined;
  }
}
