/** Column helpers and the provenance badge colours shared by the sheet builders. */
import { BADGES, TONE_COLORS } from './badges';
import type { BadgeRule, ColumnKind, ColumnSpec } from './types';

export const FORMAT = {
  text: '@',
  integer: '0',
  two: '0.00',
  one: '0.0',
  three: '0.000',
  four: '0.0000',
  general: 'General',
  /**
   * Booleans: TRUE / FALSE on every sheet and in every spreadsheet program. Excel shows a boolean
   * cell as TRUE / FALSE whatever its format; LibreOffice stores booleans as 1 / 0 and shows them by
   * the format, so under General the CLI's .xlsx read "1" where Excel read "TRUE".
   */
  boolean: '"TRUE";"TRUE";"FALSE"',
} as const;

export function textColumn(key: string, header: string, width: number, description?: string): ColumnSpec {
  return { key, header, kind: 'text', numberFormat: FORMAT.text, width, ...(description ? { description } : {}) };
}

export function numberColumn(key: string, header: string, unit: string | undefined, numberFormat: string, width: number, description?: string, kind: ColumnKind = 'number'): ColumnSpec {
  return { key, header, kind, numberFormat, width, ...(unit ? { unit } : {}), ...(description ? { description } : {}) };
}

export function booleanColumn(key: string, header: string, width: number, description?: string): ColumnSpec {
  return { key, header, kind: 'boolean', numberFormat: FORMAT.boolean, width, ...(description ? { description } : {}) };
}

/** Badge colours on a source column: measured green, same-class yellow, cross-class orange. */
export function badgeRules(column: string): BadgeRule[] {
  return BADGES.map((b) => ({ column, equals: b.source, ...TONE_COLORS[b.tone] }));
}

/**
 * The header a host writes for a column: the header, with its unit in brackets only when the header
 * does not already name it ("Memory (MB)" stays as it is; "Total FPS" with unit FPS stays too). The
 * one place a unit joins a header, so no host writes "Memory (MB) (MB)".
 */
export function columnHeader(column: ColumnSpec): string {
  const unit = column.unit;
  if (!unit) return column.header;
  const escaped = unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const named = new RegExp(`(^|[^A-Za-z0-9])${escaped}($|[^A-Za-z0-9])`, 'i').test(column.header);
  return named ? column.header : `${column.header} (${unit})`;
}
