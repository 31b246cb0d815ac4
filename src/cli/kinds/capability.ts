import { capabilityDtypes } from '../../engine';
import { z } from 'zod';
import { hardwareFields, hardwareOfQuery, lineFields, parseWith, type QueryKind, REFERENCE_ENGINE_MEMORY_SCOPE } from './common';

const schema = z.strictObject({ ...lineFields, ...hardwareFields, dtype: z.string() });

export const capabilityKind: QueryKind = {
  kind: 'capability',
  schema,
  help: (c) => `dtype (${capabilityDtypes(c).join('|')})`,
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'capability');
    return { dtype: q.dtype, level: engine.capability(hardwareOfQuery(engine, q, REFERENCE_ENGINE_MEMORY_SCOPE), q.dtype) };
  },
};
