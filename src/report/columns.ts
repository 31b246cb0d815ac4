/** Column helpers and the provenance badge colours shared by the sheet builders. */
import type { BadgeRule, ColumnKind, ColumnSpec } from './types';

export const FORMAT = {
  text: '@',
  integer: '0',
  two: '0.00',
  one: '0.0',
  three: '0.000',
  four: '0.0000',
  general: 'General',
} as const;

export function textColumn(key: string, header: string, width: number, description?: string): ColumnSpec {
  return { key, header, kind: 'text', numberFormat: FORMAT.text, width, ...(description ? { description } : {}) };
}

export function numberColumn(key: string, header: string, unit: string | undefined, numberFormat: string, width: number, description?: string, kind: ColumnKind = 'number'): ColumnSpec {
  return { key, header, kind, numberFormat, width, ...(unit ? { unit } : {}), ...(description ? { description } : {}) };
}

export function booleanColumn(key: string, header: string, width: number, description?: string): ColumnSpec {
  return { key, header, kind: 'boolean', numberFormat: FORMAT.general, width, ...(description ? { description } : {}) };
}

/** Badge colours on a source column: measured green, same-class yellow, cross-class orange. */
export function badgeRules(column: string): BadgeRule[] {
  const green = { fill: '#C6EFCE', fontColor: '#006100' };
  const yellow = { fill: '#FFEB9C', fontColor: '#9C5700' };
  const orange = { fill: '#F8CBAD', fontColor: '#843C0C' };
  return [
    { column, equals: 'measured', ...green },
    { column, equals: 'measured_anchor', ...green },
    { column, equals: 'measured_silicon_anchor', ...green },
    { column, equals: 'same_class_anchor', ...yellow },
    { column, equals: 'calibrated', ...yellow },
    { column, equals: 'cross_class', ...orange },
    { column, equals: 'projected', ...orange },
  ];
}

/** What each badge means, for the Reference sheet. */
export const BADGE_LEGEND: readonly (readonly [string, string, string])[] = [
  ['measured', 'green', 'Measured on this hardware (bake-off cell or measured edge silicon).'],
  ['measured_anchor', 'green', "Scaled from this tier's own measured anchor (e.g. the MoE decode anchor)."],
  ['measured_silicon_anchor', 'green', 'From your private measured-silicon anchors file.'],
  ['same_class_anchor', 'yellow', 'Projected from a measurement on the same memory class (a sibling tier, or this tier before a memory upgrade).'],
  ['calibrated', 'yellow', 'VLA: measured on the RTX 5090 and scaled to this hardware by compute and bandwidth.'],
  ['cross_class', 'orange', 'Projected across hardware classes from bandwidth and compute (roofline); no measurement on this class.'],
  ['projected', 'orange', 'Legacy bandwidth-ratio projection from NPU Mid (pipelines without a compute figure).'],
];
