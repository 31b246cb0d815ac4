/**
 * The fast path of `sizer query` (decision 0026): a validator compiled from a kind's own zod schema that
 * answers, at about the cost of walking the parsed JSON, "this line is certainly valid, and zod would
 * return it unchanged". Then the line is used as it is; otherwise (a bad line, or a schema feature this
 * compiler does not know) the line goes through zod, which gives the result or the error message.
 *
 * It cannot drift from the schemas because it is built from them, at first use, by reading their
 * definitions: a field added to a kind is checked the same way with no edit here. It knows only the
 * shapes whose zod output is the input itself: strings and numbers without checks, booleans, enums,
 * literals, unions of those, arrays, strict objects, optional and nullable. Anything else (a trimmed
 * string, a length limit, a default, a refinement, a plain object that strips keys) compiles to
 * "not certain", so such a field takes the zod path whenever it is present and not null.
 * Nothing is evaluated from strings: the validators are closures, so they run under the task pane's CSP too.
 */
import type { z } from 'zod';
import { definitionOf, type SchemaDefinition } from './zod-definition';

/** True: certainly valid and unchanged by zod. False: ask zod. */
type FastCheck = (value: unknown) => boolean;

const NOT_CERTAIN: FastCheck = () => false;

function compile(schema: z.ZodType): FastCheck {
  const def = definitionOf(schema);
  if (def.checks !== undefined && def.checks.length > 0) return NOT_CERTAIN;
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => (typeof value === 'string' || typeof value === 'number') && allowed.has(value);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return (value) => allowed.has(value);
    }
    case 'optional': {
      const inner = compile(def.innerType as z.ZodType);
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      const inner = compile(def.innerType as z.ZodType);
      return (value) => value === null || inner(value);
    }
    case 'union': {
      const options = (def.options ?? []).map(compile);
      return (value) => options.some((option) => option(value));
    }
    case 'array': {
      const element = compile(def.element as z.ZodType);
      return (value) => Array.isArray(value) && value.every(element);
    }
    case 'object':
      return compileStrictObject(def);
    default:
      return NOT_CERTAIN;
  }
}

function compileStrictObject(def: SchemaDefinition): FastCheck {
  // Only strict objects (catchall never): a plain object would strip unknown keys, changing the value.
  if (def.catchall === undefined || definitionOf(def.catchall).type !== 'never') return NOT_CERTAIN;
  const fields = new Map(Object.entries(def.shape ?? {}).map(([key, field]) => [key, compile(field)]));
  // zod reports a missing required field, so an absent key must satisfy its field's check (as undefined).
  const fieldEntries = [...fields];
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) return false;
      const check = fields.get(key);
      if (check === undefined || !check(record[key])) return false;
    }
    for (const [key, check] of fieldEntries) {
      if (!Object.prototype.hasOwnProperty.call(record, key) && !check(undefined)) return false;
    }
    return true;
  };
}

const compiled = new WeakMap<z.ZodType, FastCheck>();

/** The schema's fast validator, compiled once per schema. */
export function fastCheckOf(schema: z.ZodType): FastCheck {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = compile(schema);
    compiled.set(schema, check);
  }
  return check;
}
