/**
 * Buyer metrics and the procurement plan: performance per watt, a configuration's duty-scaled
 * average power, its energy and running cost a year, the total cost of owning a fleet, and
 * SIZER.PLAN, which tries a mixed workload on every candidate tier (docs/decisions/0027-procurement-plan.md).
 */
import { type Engine, llmReferenceModelLabel, PLAN_FIELDS, type PowerArgs, planRecord } from '../../engine';
import { planPricesHelp, planRequirementsHelp, pricesFromTable, requirementsFromTable, tiersFromTable } from '../../report/plan-table';
import type { ArgReader } from '../registry/args';
import type { FunctionGroupId } from '../registry/groups';
import { defineFunction, type FunctionContext } from '../registry/types';
import { BASIS_ARGS, basisArgs } from './calibration';
import { visionArgs } from './vision';
import {
  ANSWER_KIND_ARG,
  COMPILER_QUALITY_ARG,
  MEMORY_ARG,
  NPU_SHARE_ARG,
  onEitherBasis,
  opt,
  PIPELINE_ARG,
  PRECISION_SET_ARG,
  QUANT_ARG,
  rangedArg,
  rangedOpt,
  recordResult,
  RESOLUTION_ARG,
  STREAMS_ARG,
  table,
  TIER_ARG,
  WITH_HEADER_ARG,
  WORKLOAD_ARG,
} from './common';

export const GROUP: FunctionGroupId = 'procurement';

const LLM_MODEL_ARG = opt('model', 'string', (c) => `LLM model key; blank = the ${llmReferenceModelLabel(c)} perf reference (as SIZER.DUTY)`);
const OPTIONAL_PIPELINE_ARG = opt('pipeline', 'string', 'Vision pipeline key or label (see SIZER.PIPELINES); blank = no vision on the device');
const POWER_QPM_ARG = rangedOpt('queriesPerMinute', 'queries_per_minute', () => 'LLM queries per minute on the device (blank or 0 with no model = no LLM)');
const VISION_DUTY_ARG = rangedOpt('visionDutyShare', 'duty_cycle', () => 'Share of time the NPU runs vision');
const HOURS_ARG = rangedOpt('hoursPerDay', 'hours_per_day', () => 'Hours a day the device runs');

/** The configuration every power, energy and cost function reads: which workloads one device runs. */
const CONFIG_ARGS = [TIER_ARG, OPTIONAL_PIPELINE_ARG, RESOLUTION_ARG, STREAMS_ARG, VISION_DUTY_ARG, POWER_QPM_ARG, ANSWER_KIND_ARG, LLM_MODEL_ARG, QUANT_ARG, WORKLOAD_ARG];

function powerArgs(ctx: FunctionContext, a: ArgReader): PowerArgs {
  // Every argument is read, used or not, so a bad value is refused whichever workloads are on.
  const pipeline = a.optionalText('pipeline');
  const vision = { resolution: a.optionalText('resolution'), streams: a.optionalNumber('streams'), dutyCycle: a.optionalNumber('duty_cycle') };
  const model = a.optionalText('model');
  const queriesPerMinute = a.optionalNumber('queries_per_minute');
  const llm = { model, quant: a.optionalText('quant'), workload: a.optionalText('workload'), queriesPerMinute, answerKind: a.optionalText('answer_kind'), ...basisArgs(ctx, a) };
  const llmOn = model !== null || (queriesPerMinute !== null && queriesPerMinute > 0);
  return { vision: pipeline === null ? null : { pipeline, ...vision }, llm: llmOn ? llm : null };
}

const hardwareOf = (engine: Engine, a: ArgReader) => engine.hardware(a.hardware());

export const FPSPERWATT = defineFunction({
  name: 'FPSPERWATT',
  description: onEitherBasis("Vision frames per second per watt of the tier's TDP (total FPS / TDP: frames per joule; a duty cycle scales FPS and power alike, so it cancels)."),
  args: [TIER_ARG, PIPELINE_ARG, RESOLUTION_ARG, STREAMS_ARG, NPU_SHARE_ARG, MEMORY_ARG, PRECISION_SET_ARG, COMPILER_QUALITY_ARG],
  result: 'number',
  resultHelp: 'Frames per second per watt (#N/A for a custom tier without a TDP).',
  example: { formula: '=SIZER.FPSPERWATT("NPU Mid", "trt_fp8_1hz_clip", "1080p", 4)', answers: 'total FPS of 4 streams over NPU Mid\'s 25 W' },
  implement: ({ engine }, a) =>
    engine.fpsPerWatt(hardwareOf(engine, a), visionArgs(a)),
});

export const TOKPSPERWATT = defineFunction({
  name: 'TOKPSPERWATT',
  description: "LLM decode tokens per second per watt of the tier's TDP (tokens per joule while answering; the duty cycle cancels).",
  args: [TIER_ARG, LLM_MODEL_ARG, QUANT_ARG, WORKLOAD_ARG, NPU_SHARE_ARG, MEMORY_ARG, PRECISION_SET_ARG, ...BASIS_ARGS],
  result: 'number',
  resultHelp: 'Decode tok/s per watt (#N/A behind the dtype gate or for a custom tier without a TDP).',
  example: { formula: '=SIZER.TOKPSPERWATT("NPU Mid", "skippy_finetune")', answers: "decode tok/s over NPU Mid's 25 W" },
  implement: (ctx, a) =>
    ctx.engine.tokpsPerWatt(hardwareOf(ctx.engine, a), a.optionalText('model'), { quant: a.optionalText('quant'), workload: a.optionalText('workload'), npuShare: a.optionalNumber('npu_share'), ...basisArgs(ctx, a) }),
});

export const AVGWATTS = defineFunction({
  name: 'AVGWATTS',
  description: "Average power of one device: TDP x the duty cycles of the workloads it runs, added and capped at 1 (the budget row's ss_power_avg_watts).",
  args: [...CONFIG_ARGS, MEMORY_ARG, PRECISION_SET_ARG, ...BASIS_ARGS],
  result: 'number',
  resultHelp: 'Watts (#N/A for a custom tier without a TDP).',
  example: { formula: '=SIZER.AVGWATTS("NPU Mid", "trt_fp8_1hz_clip", "1080p", 4, 0.5)', answers: 'half of NPU Mid\'s 25 W: 12.5' },
  implement: (ctx, a) => ctx.engine.powerDraw(hardwareOf(ctx.engine, a), powerArgs(ctx, a)).avgWatts,
});

export const ENERGY = defineFunction({
  name: 'ENERGY',
  description: 'Energy one device uses in a year (average watts x hours a day x 365 / 1000) and what it costs at an electricity price.',
  args: [...CONFIG_ARGS, HOURS_ARG, rangedOpt('pricePerKwh', 'price_per_kwh', () => 'Electricity price per kWh (any currency)'), opt('field', 'string', 'One field to return (avg_watts, hours_per_day, kwh_per_year, cost_per_year); blank = the whole record as a header row and a value row'), MEMORY_ARG, PRECISION_SET_ARG, ...BASIS_ARGS],
  result: 'matrix',
  resultHelp: 'avg_watts, hours_per_day, kwh_per_year and cost_per_year (blank without a price), or the one field asked for.',
  example: { formula: '=SIZER.ENERGY("NPU Mid", "trt_fp8_1hz_clip", "1080p", 4, , , , , , , 24, 0.3, "cost_per_year")', answers: 'the running cost a year of one NPU Mid running vision all day at 0.30 per kWh' },
  implement: (ctx, a) => {
    const e = ctx.engine.energy(hardwareOf(ctx.engine, a), { ...powerArgs(ctx, a), hoursPerDay: a.optionalNumber('hours_per_day'), pricePerKwh: a.optionalNumber('price_per_kwh') });
    return recordResult('ENERGY', { avg_watts: e.avgWatts, hours_per_day: e.hoursPerDay, kwh_per_year: e.kwhPerYear, cost_per_year: e.costPerYear }, a.optionalText('field'));
  },
});

export const TCO = defineFunction({
  name: 'TCO',
  description: 'Total cost of ownership of devices that all run the same workloads: unit price x devices + energy cost a year x years (no discounting or maintenance).',
  args: [
    rangedArg('unitPrice', 'unit_price', () => 'Price of one device (any currency)'),
    rangedArg('devices', 'devices', () => 'Devices bought'),
    rangedArg('years', 'years', () => 'Years they run'),
    rangedArg('pricePerKwh', 'price_per_kwh', () => 'Electricity price per kWh, in the same currency'),
    ...CONFIG_ARGS,
    HOURS_ARG,
    MEMORY_ARG,
    PRECISION_SET_ARG,
    ...BASIS_ARGS,
  ],
  result: 'number',
  resultHelp: 'The total cost, in the currency of the prices (#N/A for a custom tier without a TDP).',
  example: { formula: '=SIZER.TCO(600, 72, 5, 0.3, "NPU Mid", "trt_fp8_1hz_clip", "1080p", 8)', answers: '72 NPU Mid devices at 600 each, running 8 cameras flat out for five years' },
  implement: (ctx, a) =>
    ctx.engine.ownership(hardwareOf(ctx.engine, a), {
      ...powerArgs(ctx, a),
      unitPrice: a.number('unit_price'),
      devices: a.number('devices'),
      years: a.number('years'),
      pricePerKwh: a.number('price_per_kwh'),
      hoursPerDay: a.optionalNumber('hours_per_day'),
    }).tco,
});

export const PLAN = defineFunction({
  name: 'PLAN',
  description: 'The procurement plan: a mixed workload (camera groups, an LLM assistant, on every site) tried on each candidate tier, one row per tier: feasible or why not, devices, binding constraint, headroom, capex, energy and TCO, the cheapest feasible tier marked.',
  args: [
    { name: 'requirements', type: 'table', optional: false, help: () => planRequirementsHelp() },
    { name: 'tiers', type: 'table', optional: true, help: 'Candidate tiers: a range of preset tier names or ids or SIZER.CUSTOMTIER texts; blank = every preset tier' },
    { name: 'prices', type: 'table', optional: true, help: () => planPricesHelp() },
    WITH_HEADER_ARG,
    ...BASIS_ARGS,
  ],
  result: 'matrix',
  resultHelp: `One row per candidate tier (${PLAN_FIELDS.join(', ')}), under a header row unless with_header is FALSE.`,
  example: { formula: '=SIZER.PLAN(A2:F4, , H2:I5)', answers: 'one row per preset tier for the requirements in A2:F4 at the prices in H2:I5' },
  implement: (ctx, a) => {
    const engine = ctx.engine;
    const requirements = requirementsFromTable(engine.catalog, a.table('requirements'));
    const rows = engine.plan(requirements, { tiers: tiersFromTable(a.optionalTable('tiers')), prices: pricesFromTable(engine.catalog, a.optionalTable('prices')), ...basisArgs(ctx, a) });
    return table(rows.map(planRecord), a.optionalBoolean('with_header') ?? true);
  },
  // One row per candidate tier and a column per plan field, whatever the requirements hold.
  spillSize: ({ engine }, literal) => {
    const tierArg = literal[1];
    const tiers = typeof tierArg === 'string' && tierArg.trim() !== '' ? 1 : tierArg === null || tierArg === undefined || tierArg === '' ? engine.catalog.tiers.length : null;
    if (tiers === null) return null;
    const header = literal[3] === false ? 0 : 1;
    return { rows: tiers + header, columns: PLAN_FIELDS.length };
  },
});
