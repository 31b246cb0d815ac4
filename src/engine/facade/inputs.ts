/**
 * Input defaults for the engine facade: what a blank argument means (the catalog's LLM defaults,
 * the range table's defaults) and the name and range checks every projection runs before it
 * projects. One place, so every host gets the same default and the same error for the same input.
 */
import type { Catalog } from '../catalog/load';
import type { Resolution } from '../catalog/schemas';
import { checkInput, inputOrDefault, optionalInput } from '../inputs/check';
import type { AnswerKind, Fp4Maturity } from '../llm/types';
import { SizerError } from '../util/errors';
import type { EngineNames } from './names';

const FP4_MATURITIES: readonly Fp4Maturity[] = ['mature', 'immature'];
const ANSWER_KINDS: readonly AnswerKind[] = ['short', 'rag'];

type Blank = null | undefined;

export interface EngineInputs {
  npuShare(value: number | Blank): number | null;
  compilerQuality(value: number | Blank): number;
  streams(value: number | Blank): number;
  dutyCycle(value: number | Blank): number;
  queriesPerMinute(value: number | Blank): number;
  targetFps(value: number): number;
  targetTokps(value: number): number;
  resolution(value: string | Blank): Resolution;
  quant(value: string | Blank): string;
  workload(value: string | Blank): string;
  fp4Maturity(value: string | Blank): Fp4Maturity;
  answerKind(value: string | Blank): AnswerKind;
}

function oneOf<T extends string>(choices: readonly T[], value: string, field: string, given: unknown): T {
  const found = choices.find((c) => c === value);
  if (found === undefined) throw new SizerError('invalid_input', `${field} must be ${choices.map((c) => `"${c}"`).join(' or ')}, got ${JSON.stringify(given)}`, field);
  return found;
}

export function createEngineInputs(catalog: Catalog, names: EngineNames): EngineInputs {
  const llmDefaults = catalog.files['llm.json'].defaults;
  const defaultResolution = catalog.files['vision.json'].defaultResolution;
  const ranges = catalog.inputRanges;
  return Object.freeze({
    npuShare: (value: number | Blank) => optionalInput(ranges.npuShare, value),
    compilerQuality: (value: number | Blank) => inputOrDefault(ranges.compilerQuality, value),
    streams: (value: number | Blank) => inputOrDefault(ranges.streams, value),
    dutyCycle: (value: number | Blank) => inputOrDefault(ranges.dutyCycle, value),
    queriesPerMinute: (value: number | Blank) => inputOrDefault(ranges.queriesPerMinute, value),
    targetFps: (value: number) => checkInput(ranges.targetFps, value),
    targetTokps: (value: number) => checkInput(ranges.targetTokps, value),
    resolution: (value: string | Blank) => names.resolutions.resolve(value ?? defaultResolution, 'resolution'),
    quant: (value: string | Blank) => names.quants.resolve(value ?? llmDefaults.quant, 'quant'),
    workload: (value: string | Blank) => names.workloads.resolve(value ?? llmDefaults.workload, 'workload'),
    fp4Maturity: (value: string | Blank) => oneOf(FP4_MATURITIES, value ?? llmDefaults.fp4Maturity, 'fp4_maturity', value),
    answerKind: (value: string | Blank) => oneOf(ANSWER_KINDS, (value ?? llmDefaults.answerKind).trim().toLowerCase(), 'answer_kind', value),
  });
}
