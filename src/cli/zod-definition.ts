/**
 * The part of a zod schema's internal definition SIZER reads to walk a schema (zod 4's `_zod.def`):
 * the fast query-line checker compiles from it (fast-parse.ts) and the query-kinds doc is written from
 * it (kinds-doc.ts). One home for that reach into zod's internals.
 */
import type { z } from 'zod';

export interface SchemaDefinition {
  readonly type: string;
  readonly checks?: readonly unknown[];
  readonly innerType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: z.ZodType;
  readonly element?: z.ZodType;
}

export function definitionOf(schema: z.ZodType): SchemaDefinition {
  return (schema as unknown as { _zod: { def: SchemaDefinition } })._zod.def;
}
