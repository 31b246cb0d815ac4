/**
 * `config`: the task pane's headline for one sizing configuration, as one JSON answer. The line is a
 * SizingConfig in snake_case (hardware as in every kind, then npu_share and the vision, llm and vla
 * slots; an omitted field takes the pane's default) and the answer is the report's sizing projector
 * (projectConfig) with its keys in snake_case: the same numbers the pane's tiles and the This config
 * sheet show. A workload that cannot be sized is an invalid-config warning in the answer, as in the
 * pane; hardware that cannot be built is an error line, as in every kind.
 */
import { z } from 'zod';
import { type Catalog, formatCustomSpec, parseBasis } from '../../engine';
import { basisFields } from './basis';
import { defaultConfig, projectConfig, type SizingConfig } from '../../report';
import { toCustomTierInput } from '../custom-tier';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, QueryProblem, type QueryKind } from './common';

const flag = z.boolean().nullish();

const visionSlot = z.strictObject({
  enabled: flag,
  pipeline: nullableName,
  resolution: nullableName,
  streams: nullableNumber,
  compiler_quality: nullableNumber,
});

const llmSlot = z.strictObject({
  enabled: flag,
  model: nullableName,
  quant: nullableName,
  workload: nullableName,
  queries_per_minute: nullableNumber,
  answer_kind: z.enum(['short', 'rag']).nullish(),
  fp4_maturity: z.enum(['mature', 'immature']).nullish(),
});

const vlaSlot = z.strictObject({
  enabled: flag,
  model: nullableName,
  cameras: nullableNumber,
  fleet_size: nullableNumber,
  camera_mode: z.enum(['native', 'stitched']).nullish(),
  vlm_hz: nullableNumber,
  action_hz: nullableNumber,
  target_action_hz: nullableNumber,
});

const schema = z.strictObject({
  ...lineFields,
  ...hardwareFields,
  npu_share: nullableNumber,
  vision: visionSlot.nullish(),
  llm: llmSlot.nullish(),
  vla: vlaSlot.nullish(),
  ...basisFields,
});

type ConfigLine = z.infer<typeof schema>;

/** The line as the SizingConfig the pane would hold; omitted fields take the pane's defaults. */
export function sizingConfigOf(catalog: Catalog, q: ConfigLine): SizingConfig {
  const tier = q.custom ? formatCustomSpec(toCustomTierInput(q.custom)) : q.tier;
  if (!tier) throw new QueryProblem('missing_field', 'config: give "tier" (a preset tier or a custom tier\'s text form) or "custom"');
  const d = defaultConfig(catalog);
  const v = q.vision ?? {};
  const l = q.llm ?? {};
  const a = q.vla ?? {};
  return {
    tier,
    memory: q.memory ?? null,
    precisionSet: q.precision_set ?? null,
    npuShare: q.npu_share ?? null,
    vision: {
      enabled: v.enabled ?? d.vision.enabled,
      pipeline: v.pipeline ?? d.vision.pipeline,
      resolution: v.resolution ?? d.vision.resolution,
      streams: v.streams ?? d.vision.streams,
      compilerQuality: v.compiler_quality ?? d.vision.compilerQuality,
    },
    llm: {
      enabled: l.enabled ?? d.llm.enabled,
      model: l.model ?? d.llm.model,
      quant: l.quant ?? d.llm.quant,
      workload: l.workload ?? d.llm.workload,
      queriesPerMinute: l.queries_per_minute ?? d.llm.queriesPerMinute,
      answerKind: l.answer_kind ?? d.llm.answerKind,
      fp4Maturity: l.fp4_maturity ?? d.llm.fp4Maturity,
    },
    vla: {
      enabled: a.enabled ?? d.vla.enabled,
      model: a.model ?? d.vla.model,
      cameras: a.cameras ?? d.vla.cameras,
      fleetSize: a.fleet_size ?? d.vla.fleetSize,
      cameraMode: a.camera_mode ?? d.vla.cameraMode,
      // The rates and target only when given: without them the slot is the reference default.
      ...(a.vlm_hz !== undefined && a.vlm_hz !== null ? { vlmHz: a.vlm_hz } : {}),
      ...(a.action_hz !== undefined && a.action_hz !== null ? { actionHz: a.action_hz } : {}),
      ...(a.target_action_hz !== undefined && a.target_action_hz !== null ? { targetActionHz: a.target_action_hz } : {}),
    },
    // Only when given: without it the configuration is the reference default, as the pane's.
    ...(q.basis !== undefined && q.basis !== null ? { basis: parseBasis(q.basis) } : {}),
  };
}

/** fpsPerStream -> fps_per_stream, ttft1kSec -> ttft_1k_sec (as the llm kind says it); bf16 stays bf16. */
function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/([a-z])(\d+)(?=[a-z])/g, '$1_$2');
}

/**
 * The projector's data with its object keys in snake_case, as every query answer spells them; values
 * untouched. A key named `leaveOut` is left out at any depth (the explanations, for --no-explanation: the
 * projector builds them for the pane, and this kind's single answer does not justify a second projector).
 */
export function snakeCaseKeys(value: unknown, leaveOut: string | null = null): unknown {
  if (Array.isArray(value)) return value.map((v) => snakeCaseKeys(v, leaveOut));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (k === leaveOut ? [] : [[snakeKey(k), snakeCaseKeys(v, leaveOut)]])));
  }
  return value;
}

/** The first number in the answer that JSON cannot print (NaN, Infinity), by its path, or null. */
function nonFinitePath(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nonFinitePath(inner, path === '' ? key : `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

export const configKind: QueryKind = {
  kind: 'config',
  schema,
  help: () => "the pane's headline: tier or custom, memory, precision_set, npu_share, vision {enabled, pipeline, resolution, streams, compiler_quality}, llm {enabled, model, quant, workload, queries_per_minute, answer_kind, fp4_maturity}, vla {enabled, model, cameras, fleet_size, camera_mode, vlm_hz, action_hz, target_action_hz}, basis (reference|calibrated)",
  answer(engine, raw, options) {
    const q = parseWith(schema, raw, 'config');
    const config = sizingConfigOf(engine.catalog, q);
    // Hardware that cannot be built is an error line, as in every kind (with the engine's code).
    hardwareOfQuery(engine, { tier: config.tier, memory: config.memory, precision_set: config.precisionSet });
    const answer = snakeCaseKeys(projectConfig(engine, config), options.explanations ? null : 'explanation') as Record<string, unknown>;
    // JSON would print NaN or Infinity as null, silently: say there is no finite answer instead.
    const nonFinite = nonFinitePath(answer, '');
    if (nonFinite !== null) throw new QueryProblem('out_of_range', `the projection has no finite ${nonFinite} for these inputs`);
    return answer;
  },
};
