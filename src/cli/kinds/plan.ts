/** Kind plan: the procurement plan, one row per candidate tier, as SIZER.PLAN spills it. */
import { z } from 'zod';
import { parseBasis } from '../../engine';
import { basisFields } from './basis';
import { planFields, PlanInputProblem, planRecordsFromJson } from '../plan/schema';
import { lineFields, parseWith, QueryProblem, type QueryKind } from './common';

const schema = z.strictObject({ ...lineFields, ...planFields, ...basisFields });

export const planKind: QueryKind = {
  kind: 'plan',
  schema,
  help: () =>
    'requirements (rows: {kind:"vision", pipeline, resolution, cameras, target_fps} | {kind:"llm", model, quant, workload, queries_per_minute, answer_kind} | {kind:"sites", sites}), ' +
    'tiers (names; default every preset), prices ({unit_price, unit_prices: {tier: price}, price_per_kwh, years, hours_per_day}), basis (reference|calibrated: the LLM\'s decode, hence its duty cycle and the devices it needs); answers rows, one per tier',
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'plan');
    try {
      return { rows: planRecordsFromJson(engine, q, parseBasis(q.basis)) };
    } catch (error) {
      if (error instanceof PlanInputProblem) throw new QueryProblem(error.code, error.message);
      throw error;
    }
  },
};
