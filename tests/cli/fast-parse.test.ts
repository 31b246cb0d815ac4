/**
 * The query fast path (src/cli/fast-parse.ts) may only ever say "valid" where zod says valid and returns
 * the value unchanged; everything else must go to zod. Checked on hand-picked lines and on thousands of
 * generated ones over the real query schemas' field sets.
 */
import { z } from 'zod';
import { customTierSchema } from '../../src/cli/custom-tier';
import { fastCheckOf } from '../../src/cli/fast-parse';
import { hardwareFields, lineFields } from '../../src/cli/kinds/common';
import { llmQueryFields } from '../../src/cli/kinds/llm';
import { visionQueryFields } from '../../src/cli/kinds/vision';

const visionSchema = z.strictObject({ ...lineFields, ...hardwareFields, ...visionQueryFields });
const llmSchema = z.strictObject({ ...lineFields, ...hardwareFields, ...llmQueryFields });

/** The property: fast "yes" implies zod success with an equal value. */
function expectSound(schema: z.ZodType, value: unknown): boolean {
  const fast = fastCheckOf(schema)(value);
  if (fast) {
    const parsed = schema.safeParse(value);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(value);
  }
  return fast;
}

describe('the query fast path', () => {
  it('certifies well-formed lines, including absent and null optional fields', () => {
    expect(expectSound(visionSchema, { id: 'a', kind: 'vision', tier: 'mid', pipeline: 'p', streams: 4, npu_share: null })).toBe(true);
    expect(expectSound(visionSchema, { kind: 'vision', pipeline: 'p' })).toBe(true);
    expect(expectSound(llmSchema, { id: 3, kind: 'llm', quant: 'Q4_K_M', memory: null })).toBe(true);
  });

  it('leaves every bad line to zod: wrong type, unknown field, missing required field, non-object', () => {
    expect(fastCheckOf(visionSchema)({ kind: 'vision', pipeline: 'p', streams: '4' })).toBe(false);
    expect(fastCheckOf(visionSchema)({ kind: 'vision', pipeline: 'p', stream: 4 })).toBe(false);
    expect(fastCheckOf(visionSchema)({ kind: 'vision' })).toBe(false);
    expect(fastCheckOf(visionSchema)({ kind: 'vision', pipeline: 'p', id: true })).toBe(false);
    expect(fastCheckOf(visionSchema)(JSON.parse('{"kind":"vision","pipeline":"p","__proto__":{"x":1}}'))).toBe(false);
    expect(fastCheckOf(visionSchema)(null)).toBe(false);
    expect(fastCheckOf(visionSchema)([])).toBe(false);
  });

  it('leaves a field zod would change (a trimmed custom-tier name) to zod, whenever it is present', () => {
    const withCustom = { kind: 'vision', pipeline: 'p', custom: { name: ' x ', mem_capacity_gb: 16 } };
    expect(fastCheckOf(visionSchema)(withCustom)).toBe(false);
    expect(visionSchema.safeParse(withCustom).data?.custom?.name).toBe('x');
    expect(fastCheckOf(customTierSchema)({ mem_capacity_gb: 16 })).toBe(true);
    expect(fastCheckOf(visionSchema)({ kind: 'vision', pipeline: 'p', custom: null })).toBe(true);
  });

  it('is sound on 5,000 generated lines', () => {
    // A small deterministic generator (no Math.random, so a failure reproduces).
    let seed = 12345;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const values: readonly unknown[] = [undefined, null, 0, -1, 2.5, 16, 'mid', '', true, [], {}, [1, 2], { mem_capacity_gb: 8 }];
    const keys = ['id', 'kind', 'tier', 'custom', 'memory', 'precision_set', 'pipeline', 'resolution', 'streams', 'npu_share', 'compiler_quality', 'quant', 'workload', 'extra'];
    let certified = 0;
    for (let i = 0; i < 5000; i++) {
      // A well-formed line, then up to two fields set to anything (or removed).
      const vision = i % 2 === 0;
      const line: Record<string, unknown> = vision ? { id: i, kind: 'vision', tier: 'mid', pipeline: 'p', streams: 4 } : { id: i, kind: 'llm', tier: 'mid', quant: 'Q4_K_M' };
      for (let edits = Math.floor(next() * 3); edits > 0; edits--) {
        const key = pick(keys);
        const value = pick(values);
        if (value === undefined) delete line[key];
        else line[key] = value;
      }
      if (expectSound(vision ? visionSchema : llmSchema, line)) certified++;
    }
    // The generator must reach the fast path often enough for the property to mean something.
    expect(certified).toBeGreaterThan(1000);
  });
});
