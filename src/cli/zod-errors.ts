/** Turns the first zod issue of a query into a specific, readable error. */
import type { z } from 'zod';
import type { QueryErrorCode } from './kinds/common';

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

export function describeIssue(issue: z.core.$ZodIssue | undefined, raw: unknown, kind: string): { code: QueryErrorCode; message: string } {
  if (!issue) return { code: 'invalid_input', message: `invalid ${kind} query` };
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        code: 'invalid_input',
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${field ? `${field}.` : ''}${k}"`).join(', ')} in a ${kind} query`,
      };
    case 'invalid_type': {
      const value = valueAt(raw, issue.path);
      if (value === undefined) return { code: 'missing_field', message: `a ${kind} query needs "${field}"` };
      return { code: 'invalid_input', message: `"${field}" must be ${issue.expected === 'number' ? 'a number' : issue.expected === 'string' ? 'a string' : `of type ${issue.expected}`}, got ${JSON.stringify(value)}` };
    }
    case 'too_small':
    case 'too_big':
      return { code: 'out_of_range', message: `"${field}" is out of range: ${issue.message}, got ${JSON.stringify(valueAt(raw, issue.path))}` };
    case 'invalid_value':
      return { code: 'invalid_input', message: `"${field}" must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(valueAt(raw, issue.path))}` };
    default:
      return { code: 'invalid_input', message: `"${field}": ${issue.message}` };
  }
}
