/**
 * The provenance badges, once: what each source means, its colour family (measured green,
 * same-class yellow, cross-class orange), the short label the pane shows and the cell colours the
 * sheets use. The pane's tiles, the sheets' conditional formats and the Reference legend all read
 * this table.
 */
export type BadgeTone = 'green' | 'yellow' | 'orange';

export interface BadgeInfo {
  readonly source: string;
  readonly tone: BadgeTone;
  /** Short label for a tile. */
  readonly label: string;
  readonly help: string;
}

export const BADGES: readonly BadgeInfo[] = [
  { source: 'measured', tone: 'green', label: 'measured', help: 'Measured on this hardware (bake-off cell or measured edge silicon): not a projection.' },
  { source: 'measured_anchor', tone: 'green', label: 'tier anchor', help: "Scaled from this tier's own measured anchor (e.g. the MoE decode anchor)." },
  { source: 'measured_silicon_anchor', tone: 'green', label: 'silicon anchor', help: 'From your private measured-silicon anchors file.' },
  { source: 'same_class_anchor', tone: 'yellow', label: 'same class', help: 'Projected from a measurement on the same memory class (a sibling tier, or this tier before a memory upgrade).' },
  { source: 'calibrated', tone: 'yellow', label: 'calibrated', help: 'VLA: measured on the RTX 5090 and scaled to this hardware by compute and bandwidth.' },
  { source: 'cross_class', tone: 'orange', label: 'cross class', help: 'Projected across hardware classes from bandwidth and compute (roofline): read as directional.' },
  { source: 'projected', tone: 'orange', label: 'projected', help: 'Legacy bandwidth-ratio projection from NPU Mid (pipelines without a compute figure): read as directional.' },
];

/** Cell colours per tone, as #RRGGBB (Excel's good / neutral / bad styles). */
export const TONE_COLORS: Readonly<Record<BadgeTone, { readonly fill: string; readonly fontColor: string }>> = {
  green: { fill: '#C6EFCE', fontColor: '#006100' },
  yellow: { fill: '#FFEB9C', fontColor: '#9C5700' },
  orange: { fill: '#F8CBAD', fontColor: '#843C0C' },
};

export function badgeInfo(source: string): BadgeInfo | undefined {
  return BADGES.find((b) => b.source === source);
}
