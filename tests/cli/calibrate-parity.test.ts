/**
 * One calibration, two hosts: the same lab rows fed to `sizer calibrate FILE` (the built CLI, a JSON
 * file) and to SIZER.CALIBRATE (a worksheet table) give the same constants, leave-one-out figures and
 * band, number for number; and `sizer query --calibration FILE` projects what SIZER.TOKPS projects
 * with the spilled result as its calibration argument.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { runFunction } from '../../src/functions/registry/invoke';
import type { CellInput, CellScalar } from '../../src/functions/registry/types';
import { testEngine } from '../helpers/engine';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const engine = testEngine();

/** Eight rows of the validation set, read from it: GDDR6X/7, unified LPDDR5/5X, LPDDR4X; dense and MoE; 4, 8 and 16 bit. */
const IDS = ['xd-4090-l3-8b-q4km', 'xd-4090-l3-8b-f16', 'xd-m3max-l3-8b-q4km', 'lhl-strix-qwen3-30b-a3b', 'lhl-strix-qwen3-32b-q8', 'jg-pi5-qwen3-30b-a3b', 'jg-5090-l32-3b', 'nv-orinnano-super-qwen25-7b'];
interface ValidationRow {
  id: string;
  memory: { peakGbs: number; busWidthBits: number; type: string };
  model: { activeParamsB: number; totalParamsB: number; isMoe: boolean; bitsPerWeight: number };
  contextTokens: number;
  decodeTokS: number;
}
const validation = (JSON.parse(readFileSync(join(ROOT, 'data/validation/rows.json'), 'utf8')) as { rows: ValidationRow[] }).rows;
const labRows = IDS.map((id) => {
  const r = validation.find((v) => v.id === id)!;
  return {
    device: r.id,
    mem_bandwidth_gbs: r.memory.peakGbs,
    mem_bus_width_bits: r.memory.busWidthBits,
    mem_type: r.memory.type,
    active_params_b: r.model.activeParamsB,
    total_params_b: r.model.totalParamsB,
    is_moe: r.model.isMoe,
    bytes_per_param: r.model.bitsPerWeight / 8,
    context_tokens: r.contextTokens,
    decode_tok_s: r.decodeTokS,
  };
});

/** The same rows as a worksheet table: its header row, then one row each, with a blank row in the middle (skipped). */
const keys = Object.keys(labRows[0]!);
const table: CellScalar[][] = [keys, ...labRows.slice(0, 4).map((r) => Object.values(r)), keys.map(() => null), ...labRows.slice(4).map((r) => Object.values(r))];

let dir = '';
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" (npm test does it first)`);
  dir = mkdtempSync(join(tmpdir(), 'sizer-calibrate-'));
  writeFileSync(join(dir, 'lab.json'), JSON.stringify({ rows: labRows }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input = ''): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`sizer ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

function cell(name: string, args: readonly CellInput[]) {
  const outcome = runFunction({ engine }, SIZER_FUNCTIONS.find((f) => f.name === name)!, args);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

describe('sizer calibrate FILE and SIZER.CALIBRATE', () => {
  it('give the same constants, leave-one-out figures and band for the same rows', () => {
    const printed = JSON.parse(cli(['calibrate', join(dir, 'lab.json')])) as {
      rows: number;
      loo_median_abs_error: number;
      loo_geomean_ratio: number;
      constants: { bwEfficiency: Record<'4bit' | '8bit' | '16bit', number>; gddrFactor: number; perLayerOverheadMs: number; gddrOverheadFactor: number; moeRoutingFactor: number; narrowBusFactor: number };
      band: { lowRatio: number; highRatio: number };
    };
    const spilled = new Map((cell('CALIBRATE', [table]) as [string, number][]).slice(1));
    expect(Object.fromEntries(spilled)).toEqual({
      rows: printed.rows,
      loo_median_abs_error: printed.loo_median_abs_error,
      loo_geomean_ratio: printed.loo_geomean_ratio,
      bw_efficiency_4bit: printed.constants.bwEfficiency['4bit'],
      bw_efficiency_8bit: printed.constants.bwEfficiency['8bit'],
      bw_efficiency_16bit: printed.constants.bwEfficiency['16bit'],
      gddr_factor: printed.constants.gddrFactor,
      per_layer_overhead_ms: printed.constants.perLayerOverheadMs,
      gddr_overhead_factor: printed.constants.gddrOverheadFactor,
      moe_routing_factor: printed.constants.moeRoutingFactor,
      narrow_bus_factor: printed.constants.narrowBusFactor,
      band_low_ratio: printed.band.lowRatio,
      band_high_ratio: printed.band.highRatio,
    });
    expect(printed.rows).toBe(IDS.length);
  });

  it('sizer query --calibration FILE projects what SIZER.TOKPS projects with the spilled result as its calibration', () => {
    const line = JSON.stringify({ id: 1, kind: 'llm_model', tier: 'low-lp5x', model: 'skippy_finetune', quant: 'Q4_K_M', basis: 'calibrated' });
    const answer = JSON.parse(cli(['query', '--calibration', join(dir, 'lab.json')], `${line}\n`)) as { decode_tok_s: number; decode_tok_s_low: number };
    const spill = cell('CALIBRATE', [table]);
    const args: CellInput[] = ['low-lp5x', 'skippy_finetune', 'Q4_K_M', null, null, null, null, null, 'calibrated', spill];
    expect(cell('TOKPS', args)).toBe(answer.decode_tok_s);
    expect((cell('TOKPSRANGE', [...args.slice(0, 9), true, spill]) as number[][])[1]![0]).toBe(answer.decode_tok_s_low);
  });
});
