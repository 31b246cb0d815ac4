/**
 * SIZER.PLAN against `sizer query` kind plan and against the functions it is built from: the same
 * requirements give the same rows in a cell and on the command line (over many generated tables),
 * a vision-only plan needs CEILING(cameras / SIZER.MAXSTREAMS) devices a site, a requirement no tier
 * meets says so on every row, and the money columns compose as the decision record says.
 */
import { answerLine } from '../../src/cli/query';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { runFunction } from '../../src/functions/registry/invoke';
import type { CellInput, CellScalar, FunctionResult } from '../../src/functions/registry/types';
import { chance, pick, prng, type Rand } from '../fuzz/gen';
import { testEngine } from '../helpers/engine';
import { CUSTOM_TIER_TEXT } from './cases';

const engine = testEngine();
const fn = (name: string) => SIZER_FUNCTIONS.find((f) => f.name === name)!;
function call(name: string, args: readonly CellInput[]): FunctionResult {
  const outcome = runFunction({ engine }, fn(name), args);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}
function callError(name: string, args: readonly CellInput[]) {
  const outcome = runFunction({ engine }, fn(name), args);
  return outcome.ok ? null : outcome.error;
}

type Json = Record<string, unknown>;
interface Generated {
  readonly table: CellScalar[][];
  readonly json: Json[];
  readonly tiers: string[] | null;
  readonly prices: { readonly table: CellScalar[][] | null; readonly json: Json | null };
}

const PIPELINES = ['trt_fp8_1hz_clip', 'yolov8n_only_fp8', 'yolo_only_fp8', 'sam3_bf16', 'yolov8n_trt_int8_coco128'];
const MODELS = ['skippy_finetune', 'instruct_moe_stock', 'skippy_7b_v4', 'qwen25_7b_dense', 'qwen25_32b_dense'];

/** A random requirements table with the same requirements as JSON rows. */
function generate(rand: Rand): Generated {
  const table: CellScalar[][] = [['kind', 'name', 'option', 'amount', 'target', 'answer_kind']];
  const json: Json[] = [];
  const groups = chance(rand, 0.15) ? 0 : 1 + Math.floor(rand() * 3);
  for (let i = 0; i < groups; i++) {
    const pipeline = pick(rand, PIPELINES);
    const resolution = pick(rand, ['720p', '1080p', '4K']);
    const cameras = pick(rand, [1, 3, 8, 16, 40, 123]);
    const target = pick(rand, [1, 5, 10, 15, 30]);
    table.push(['vision', pipeline, resolution, cameras, target, '']);
    json.push({ kind: 'vision', pipeline, resolution, cameras, target_fps: target });
  }
  if (groups === 0 || chance(rand, 0.6)) {
    const model = pick(rand, MODELS);
    const qpm = pick(rand, [0.5, 2, 6, 30]);
    const answer = pick(rand, ['short', 'rag']);
    table.push(['llm', model, 'Q4_K_M', qpm, 'plain_chat', answer]);
    json.push({ kind: 'llm', model, quant: 'Q4_K_M', queries_per_minute: qpm, workload: 'plain_chat', answer_kind: answer });
  }
  if (chance(rand, 0.7)) {
    const sites = pick(rand, [1, 2, 12, 100]);
    table.push(['sites', '', '', sites, '', '']);
    json.push({ kind: 'sites', sites });
  }
  const tiers = chance(rand, 0.5) ? null : [pick(rand, ['mid', 'NPU High', 'rtx5090']), pick(rand, ['low-lp5x', 'imx95', CUSTOM_TIER_TEXT])];
  const priced = chance(rand, 0.7);
  const unitPrice = pick(rand, [180, 600]);
  const kwh = pick(rand, [0.1, 0.3]);
  return {
    table,
    json,
    tiers,
    prices: priced
      ? { table: [['unit_price', unitPrice], ['price_per_kwh', kwh], ['years', 5], ['NPU High', 900]], json: { unit_price: unitPrice, price_per_kwh: kwh, years: 5, unit_prices: { 'NPU High': 900 } } }
      : { table: null, json: null },
  };
}

/** The CLI's rows laid out as SIZER.PLAN spills them (blank cells for nulls, a header row). */
function cliAsTable(rows: readonly Json[]): FunctionResult {
  const keys = Object.keys(rows[0]!);
  return [keys, ...rows.map((r) => keys.map((k) => (r[k] === null ? '' : (r[k] as string | number | boolean))))];
}

describe('SIZER.PLAN and sizer query kind plan', () => {
  it('give the same rows for the same requirements, over 60 generated requirement tables', () => {
    const rand = prng(20261203);
    let feasibleSeen = 0;
    for (let i = 0; i < 60; i++) {
      const g = generate(rand);
      const cell = call('PLAN', [g.table, g.tiers ? g.tiers.map((t) => [t]) : null, g.prices.table]);
      const line = answerLine(engine, JSON.stringify({ id: i, kind: 'plan', requirements: g.json, tiers: g.tiers, prices: g.prices.json })) as Json;
      expect(line.error).toBeUndefined();
      expect(cell).toEqual(cliAsTable(line.rows as Json[]));
      if ((cell as unknown[][]).slice(1).some((row) => row[1] === true)) feasibleSeen += 1;
    }
    // The tables must exercise feasible plans, not only refusals.
    expect(feasibleSeen).toBeGreaterThan(20);
  });

  it('for a vision-only requirement, devices per site = CEILING(cameras / SIZER.MAXSTREAMS) for the same tier and FPS target', () => {
    for (const [tier, pipeline, resolution, cameras, target] of [
      ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', 40, 15],
      ['NPU High', 'yolov8n_only_fp8', '720p', 123, 30],
      ['rtx5090', 'sam3_bf16', '1080p', 17, 5],
      ['low-lp5x', 'yolov8n_trt_int8_coco128', '1080p', 9, 10],
    ] as const) {
      const maxStreams = call('MAXSTREAMS', [tier, pipeline, resolution, target]) as number;
      expect(maxStreams).toBeGreaterThan(0);
      const plan = call('PLAN', [[['vision', pipeline, resolution, cameras, target]], tier, null, false]) as unknown[][];
      // Columns: tier, feasible, verdict, why, devices_per_site, ...
      expect(plan[0]![1]).toBe(true);
      expect(plan[0]![4]).toBe(Math.ceil(cameras / maxStreams));
    }
  });

  it('a requirement no tier meets says so on every row', () => {
    const plan = call('PLAN', [[['vision', 'sam3_bf16', '4K', 10, 100000]]]) as unknown[][];
    expect(plan.length).toBe(engine.catalog.tiers.length + 1);
    for (const row of plan.slice(1)) {
      expect(row[1]).toBe(false);
      expect(row[2]).toBe('no tier meets the requirements');
      expect(String(row[3])).toMatch(/^FPS short/);
    }
  });

  it('names each infeasibility: the dtype gate, an LLM that does not fit, a duty cycle above 1', () => {
    const why = (tier: string, model: string, qpm: number) => (call('PLAN', [[['llm', model, '', qpm]], tier, null, false]) as unknown[][])[0]![3];
    expect(why('imx93', 'skippy_finetune', 2)).toMatch(/LLM does not fit: skippy_finetune Q4_K_M needs [\d.]+ GB, i\.MX 93 .* has 2 GB/);
    expect(why('imx93', 'skippy_finetune', 2)).toMatch(/duty cycle above 1/);
    expect(why('mid', 'skippy_7b_v4', 2)).toMatch(/^dtype gate: NPU Mid cannot run skippy_7b_v4/);
  });

  it('composes the money columns: capex = unit price x devices, TCO = capex + energy cost x years', () => {
    const plan = call('PLAN', [[['vision', 'trt_fp8_1hz_clip', '1080p', 40, 15], ['sites', '', '', 12]], 'mid', [['unit_price', 600], ['price_per_kwh', 0.3], ['years', 5]], false]) as number[][];
    const [row] = plan;
    const col = (name: string) => (call('PLAN', [[['vision', 'trt_fp8_1hz_clip', '1080p', 1, 1]], 'mid']) as string[][])[0]!.indexOf(name);
    expect(row![col('total_devices')]).toBe(row![col('devices_per_site')]! * 12);
    expect(row![col('capex')]).toBe(600 * row![col('total_devices')]!);
    // kWh a year = average watts of all sites x 24 h x 365 / 1000.
    expect(row![col('energy_kwh_per_year')]).toBeCloseTo((row![col('avg_watts_per_site')]! * 12 * 24 * 365) / 1000, 6);
    expect(row![col('tco')]).toBeCloseTo(row![col('capex')]! + row![col('energy_kwh_per_year')]! * 0.3 * 5, 6);
    // Each device draws at most NPU Mid's 25 W.
    expect(row![col('avg_watts_per_site')]).toBeLessThanOrEqual(25 * row![col('devices_per_site')]!);
    expect(row![col('verdict')]).toBe('cheapest');
  });

  it('a bad requirements table names every bad row', () => {
    const error = callError('PLAN', [[['kind'], ['vision', 'trt_fp8_1hz_clip', '1080p', 0, 15], ['radar', 'x'], ['vision', '', '', 4, -1]]]);
    expect(error?.kind).toBe('value');
    expect(error?.message).toMatch(/row 2: cameras .*got 0/);
    expect(error?.message).toMatch(/row 3: kind must be vision, llm, sites, got "radar"/);
    expect(error?.message).toMatch(/row 4: a vision row needs a pipeline/);
    expect(error?.message).toMatch(/row 4: target_fps .*got -1/);
  });
});

describe('buyer metrics', () => {
  const noTdp = CUSTOM_TIER_TEXT.replace(/tdp=12/, 'tdp=0');

  it('a custom tier without a TDP is #N/A saying so, never a division by zero', () => {
    expect(noTdp).not.toBe(CUSTOM_TIER_TEXT);
    for (const [name, args] of [
      ['FPSPERWATT', [noTdp, 'yolov8n_only_fp8']],
      ['TOKPSPERWATT', [noTdp]],
      ['AVGWATTS', [noTdp, 'yolov8n_only_fp8']],
      ['ENERGY', [noTdp, 'yolov8n_only_fp8']],
      ['TCO', [600, 2, 5, 0.3, noTdp, 'yolov8n_only_fp8']],
    ] as const) {
      const error = callError(name, args);
      expect(error?.kind).toBe('na');
      expect(error?.message).toMatch(/has no TDP/);
    }
    // The plan still sizes the devices, and says why it has no energy or TCO.
    const row = (call('PLAN', [[['vision', 'yolov8n_only_fp8', '720p', 4, 5]], noTdp, 600, false]) as unknown[][])[0]!;
    expect(row[1]).toBe(true);
    expect(row[3]).toMatch(/no TDP, so energy and TCO are unknown/);
  });

  it('AVGWATTS adds the duty cycles sharing the NPU: the LLM duty, and vision in the time it leaves', () => {
    // NPU Mid is 25 W; SIZER.DUTY gives the LLM's share of the NPU at 2 short answers a minute.
    const llmDuty = call('DUTY', ['NPU Mid', 2, 'short']) as number;
    expect(call('AVGWATTS', ['NPU Mid', null, null, null, null, 2, 'short'])).toBeCloseTo(25 * llmDuty, 9);
    expect(call('AVGWATTS', ['NPU Mid', 'trt_fp8_1hz_clip', null, null, 0.25, 2, 'short'])).toBeCloseTo(25 * (0.25 + llmDuty), 9);
    // Vision left to fill the rest of the time: the NPU is always busy.
    expect(call('AVGWATTS', ['NPU Mid', 'trt_fp8_1hz_clip', null, null, null, 2, 'short'])).toBeCloseTo(25, 9);
    // The vision budget row's duty-scaled power, for vision alone.
    const budget = call('BUDGETROW', ['NPU Mid', 'vision', 'trt_fp8_1hz_clip', '1080p', 4, 0.4]) as (string | number)[][];
    expect(call('AVGWATTS', ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', 4, 0.4])).toBe(budget[1]![budget[0]!.indexOf('ss_power_avg_watts')]);
  });
});
