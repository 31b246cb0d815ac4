/** Every `sizer query` kind, in --help order. Adding a kind: write its module, list it here. */
import { budgetKind } from './budget';
import { capabilityKind } from './capability';
import type { QueryKind } from './common';
import { configKind } from './config';
import { dutyKind } from './duty';
import { kpiKind } from './kpi';
import { llmKind } from './llm';
import { llmContextKind } from './llm-context';
import { llmModelKind } from './llm-model';
import { llmShapeKind } from './llm-shape';
import { planKind } from './plan';
import { visionKind } from './vision';
import { vlaKind } from './vla';
import { whatIfKind } from './what-if';

export const QUERY_KINDS: readonly QueryKind[] = [visionKind, llmKind, capabilityKind, dutyKind, budgetKind, llmModelKind, llmShapeKind, kpiKind, llmContextKind, whatIfKind, vlaKind, configKind, planKind];
