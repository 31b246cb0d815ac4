/**
 * docs/query-kinds.md, rendered from the kinds registry (src/cli/kinds/index.ts) and each kind's zod
 * schema, so it has a section for every kind `sizer query` accepts and lists exactly the fields the
 * parser takes. Ranges and defaults of numeric fields come from the engine's one range table, choices
 * and defaults of named fields from each kind's --help line (which reads the catalog). `npm run
 * generate` writes it (src/functions/codegen/outputs.ts); a test fails when the committed file is stale.
 */
import type { z } from 'zod';
import { type Catalog, type InputRange, renderText, shortRange } from '../engine';
import { customTierSchema } from './custom-tier';
import { hardwareFields, lineFields, type QueryKind } from './kinds/common';
import { definitionOf } from './zod-definition';

interface FieldRow {
  readonly name: string;
  readonly required: boolean;
  readonly type: string;
}

/** What a JSON value of this schema is, in words; optional and nullable wrappers are unwrapped. */
function typeText(schema: z.ZodType): string {
  const def = definitionOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
      return typeText(def.innerType as z.ZodType);
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return `one of ${Object.values(def.entries ?? {}).map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'literal':
      return (def.values ?? []).map((v) => `\`${JSON.stringify(v)}\``).join(' or ');
    case 'union':
      return (def.options ?? []).map(typeText).join(' or ');
    case 'array':
      return `a list of ${typeText(def.element as z.ZodType)}s`;
    case 'object':
      return 'an object';
    default:
      return def.type;
  }
}

function isOptional(schema: z.ZodType): boolean {
  return definitionOf(schema).type === 'optional' || schema.safeParse(undefined).success;
}

/** The object schema under optional/nullable wrappers, or null when it is not an object. */
function objectShape(schema: z.ZodType): Readonly<Record<string, z.ZodType>> | null {
  const def = definitionOf(schema);
  if (def.type === 'optional' || def.type === 'nullable') return objectShape(def.innerType as z.ZodType);
  return def.type === 'object' ? (def.shape ?? {}) : null;
}

/** Every field of an object schema; a nested object's fields follow it as `parent.field`. */
function fieldRows(shape: Readonly<Record<string, z.ZodType>>, prefix = '', skip: ReadonlySet<string> = new Set(), nest = true): FieldRow[] {
  return Object.entries(shape).flatMap(([name, field]) => {
    if (skip.has(name)) return [];
    const row: FieldRow = { name: prefix + name, required: !isOptional(field), type: typeText(field) };
    const nested = nest ? objectShape(field) : null;
    return nested ? [row, ...fieldRows(nested, `${prefix}${name}.`)] : [row];
  });
}

/** The range of a numeric field, when exactly one entry of the range table goes by its name. */
function rangeText(catalog: Catalog, name: string): string {
  const leaf = name.split('.').pop() ?? name;
  const ranges = Object.values(catalog.inputRanges as Readonly<Record<string, InputRange>>).filter((r) => r.field === leaf);
  if (ranges.length !== 1) return '';
  const [range] = ranges as [InputRange];
  return `${range.zeroAllowed ? '0 or ' : ''}${shortRange(range)}${range.whole ? ', whole' : ''}${range.unit && range.unit !== 'fraction' ? ` ${range.unit}` : ''}; default ${range.defaultText}`;
}

function table(rows: readonly FieldRow[], catalog: Catalog): string {
  const lines = rows.map((r) => `| \`${r.name}\` | ${r.required ? 'yes' : ''} | ${r.type} | ${r.type.includes('number') ? rangeText(catalog, r.name) : ''} |`);
  return ['| field | required | value | range; default |', '|---|---|---|---|', ...lines].join('\n');
}

const COMMON = new Set([...Object.keys(lineFields), ...Object.keys(hardwareFields)]);

function kindSection(kind: QueryKind, catalog: Catalog): string {
  const shape = kind.schema ? objectShape(kind.schema) : null;
  const own = shape ? fieldRows(shape, '', COMMON) : [];
  const fields = own.length > 0 ? table(own, catalog) : shape ? 'No fields of its own: the hardware fields only.' : '(This kind has no schema in the registry, so its fields are not listed.)';
  return `## \`${kind.kind}\`

${renderText(kind.help, catalog)}

${fields}
`;
}

export function renderQueryKindsDoc(kinds: readonly QueryKind[], catalog: Catalog): string {
  return `<!-- Generated from src/cli/kinds (the registry and each kind's schema) by \`npm run generate\`; do not edit. -->
# \`sizer query\` kinds

\`sizer query\` reads one JSON object per line and prints one JSON answer per line, carrying the
line's \`id\`. ${kinds.length} kinds: ${kinds.map((k) => `[\`${k.kind}\`](#${k.kind})`).join(', ')}.
Each section lists the kind's fields as the parser takes them, under the line it has in
\`sizer --help\` (choices and defaults read from the catalog). A field left out or \`null\` takes its
default; an unknown field is refused. A line that cannot be answered gets
\`{"id": ..., "error": {"code": ..., "message": ...}}\` naming the field, its valid range or choices and
the value given, and the run goes on. An answer that says how its number was derived carries it as
\`explanation\`; \`sizer query --no-explanation\` leaves that prose out (and never builds it), the other
fields unchanged: numbers only, for bulk runs. Worked examples and every output field of \`llm_context\`,
\`what_if\` and \`config\` are in [query-kinds-details.md](query-kinds-details.md). Projection answers carry
80% error bands beside their numbers (\`decode_tok_s_low\` / \`_high\`, \`ttft_1k_sec_low\` / \`_high\`,
\`ttft_s_low\` / \`_high\`, \`fps_per_stream_low\` / \`_high\`, \`total_fps_low\` / \`_high\`) and the
\`provenance_class\` whose band they are ([query-kinds-details.md](query-kinds-details.md#error-bands-in-answers)).

## Fields every kind takes

${table(fieldRows({ ...lineFields, ...hardwareFields }, '', new Set(), false), catalog)}

\`custom\` is the reference custom-tier factory's fields (\`tier\` or \`custom\`, not both):

${table(fieldRows(objectShape(customTierSchema) ?? {}, 'custom.'), catalog)}

${kinds.map((k) => kindSection(k, catalog)).join('\n')}`;
}
