/** Every SIZER worksheet function, in the order docs/functions.md lists them. */
import { CONTEXTTOKPS, WHATIF } from '../defs/context';
import { CUSTOMTIER, HW } from '../defs/hardware';
import { MAXSTREAMS, MINTIER, REQUIREDBW } from '../defs/inverse';
import { FITS, LLM, TOKPS, TTFT } from '../defs/llm';
import { MEMORY, MODELS, PIPELINES, QUANTS, RESOLUTIONS, TIERS, TRACKS, WORKLOADS } from '../defs/lookups';
import { KPIROW, LLMSHAPE, MODEL } from '../defs/models';
import { BUDGETROW, DUTY, FPSUNDERLLM, MATRIX } from '../defs/platform';
import { VERSION } from '../defs/version';
import { STREAMSCALING, TOTALFPS, VISION, VISIONFPS } from '../defs/vision';
import { VLA } from '../defs/vla';
import type { SizerFunction } from './types';

export interface FunctionGroup {
  readonly title: string;
  readonly functions: readonly SizerFunction[];
}

export const FUNCTION_GROUPS: readonly FunctionGroup[] = [
  { title: 'Lookups (spill a column, for data-validation lists)', functions: [TIERS, PIPELINES, TRACKS, MODELS, QUANTS, WORKLOADS, MEMORY, RESOLUTIONS] },
  { title: 'Hardware', functions: [HW, CUSTOMTIER] },
  { title: 'LLM', functions: [TOKPS, TTFT, LLM, FITS, MODEL, LLMSHAPE, CONTEXTTOKPS, WHATIF] },
  { title: 'Vision', functions: [VISIONFPS, TOTALFPS, VISION, STREAMSCALING, KPIROW] },
  { title: 'VLA', functions: [VLA] },
  { title: 'Platform', functions: [DUTY, FPSUNDERLLM, BUDGETROW, MATRIX] },
  { title: 'Inverse sizing', functions: [MAXSTREAMS, MINTIER, REQUIREDBW] },
  { title: 'About', functions: [VERSION] },
];

export const SIZER_FUNCTIONS: readonly SizerFunction[] = FUNCTION_GROUPS.flatMap((g) => g.functions);

const names = new Set<string>();
for (const fn of SIZER_FUNCTIONS) {
  if (names.has(fn.name)) throw new Error(`SIZER.${fn.name} is declared twice`);
  if (!/^[A-Z][A-Z0-9]*$/.test(fn.name)) throw new Error(`SIZER.${fn.name}: names are upper-case letters and digits`);
  names.add(fn.name);
  let seenOptional = false;
  for (const a of fn.args) {
    if (seenOptional && !a.optional) throw new Error(`SIZER.${fn.name}: required argument ${a.name} follows an optional one`);
    seenOptional ||= a.optional;
  }
}
