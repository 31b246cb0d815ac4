/** Every SIZER worksheet function: what the defs modules declare, in the order docs/functions.md lists them. */
import { DEFS_MODULES } from '../defs';
import { collectFunctionGroups, type FunctionGroup } from './collect';
import type { SizerFunction } from './types';

export type { FunctionGroup } from './collect';

export const FUNCTION_GROUPS: readonly FunctionGroup[] = collectFunctionGroups(DEFS_MODULES);

export const SIZER_FUNCTIONS: readonly SizerFunction[] = FUNCTION_GROUPS.flatMap((g) => g.functions);
