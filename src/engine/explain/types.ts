/** The explanation of a projected number: one sentence per part, and the parts joined as one text. */

/** What a part of an explanation is about (a host may show some parts only, e.g. as a tooltip). */
export type ExplanationTopic =
  | 'source'
  | 'scaled_from'
  | 'per_model_scaling'
  | 'memory_upgrade'
  | 'bandwidth_ratio'
  | 'capability'
  | 'compiler_quality'
  | 'resolution'
  | 'cpu_preprocessing'
  | 'pipeline'
  | 'workload'
  | 'tier'
  | 'vla_paper'
  | 'vla_control_loop'
  | 'vla_fleet'
  | 'vla_cameras'
  | 'vla_ddr'
  | 'vla_target'
  | 'vla_stitched'
  | 'vla_notes'
  | 'duty';

export interface ExplanationPart {
  readonly topic: ExplanationTopic;
  readonly text: string;
}

export interface Explanation {
  readonly parts: readonly ExplanationPart[];
  /** The parts joined with spaces, in order: the `explanation` field of a record. */
  readonly text: string;
}

export function explanation(parts: readonly (ExplanationPart | null)[]): Explanation {
  const kept = parts.filter((p): p is ExplanationPart => p !== null);
  return { parts: kept, text: kept.map((p) => p.text).join(' ') };
}

/**
 * What a record adds to a projection's own fields: the DDR bandwidth ratio vs NPU Mid and the
 * explanation text (fields `bandwidth_ratio_vs_ref` and `explanation`, after the projection's).
 * Without an explanation (`sizer query --no-explanation`, which never builds one) the record has no
 * `explanation` field.
 */
export interface RecordNotes {
  readonly bandwidthRatioVsRef: number;
  readonly explanation?: Explanation;
}

/**
 * The notes' fields added to a record in place, after its own (a spread into every record of a bulk
 * query run showed in its profile).
 */
export function withNotes<T extends Record<string, unknown>>(record: T, notes: RecordNotes | undefined): T {
  if (notes === undefined) return record;
  (record as Record<string, unknown>).bandwidth_ratio_vs_ref = notes.bandwidthRatioVsRef;
  if (notes.explanation !== undefined) (record as Record<string, unknown>).explanation = notes.explanation.text;
  return record;
}

