/** Every `sizer query` kind, in --help order. Adding a kind: write its module, list it here. */
import { budgetKind } from './budget';
import { capabilityKind } from './capability';
import type { QueryKind } from './common';
import { dutyKind } from './duty';
import { llmKind } from './llm';
import { visionKind } from './vision';

export const QUERY_KINDS: readonly QueryKind[] = [visionKind, llmKind, capabilityKind, dutyKind, budgetKind];
