/** The provenance sentence of a vision or LLM number, with the regime and NPU-share suffixes its badge takes. */
import type { Catalog } from '../catalog/load';
import type { Hardware } from '../hardware/types';
import type { HardwareNotes } from './hardware';
import { fill, percent } from './template';
import type { ExplanationPart } from './types';

export interface SourceFacts {
  readonly source: string | null;
  readonly regime: string | null;
  readonly npuShare: number;
  /** What the number is ("Per-frame time", "LLM decode"). */
  readonly kind: string;
  /** The number as shown ("27.8 ms (36.0 FPS per camera)"). */
  readonly value: string;
}

export function sourcePart(catalog: Catalog, hw: Hardware, notes: HardwareNotes, facts: SourceFacts): ExplanationPart {
  const x = catalog.files['explanations.json'];
  const values = { kind: facts.kind, value: facts.value, hw: hw.name, attribution: notes.attribution };
  const badge = facts.source === null ? undefined : x.sources[facts.source];
  if (badge === undefined) return { topic: 'source', text: fill(catalog, x.unlabelledSource, values) };
  const sentences = [fill(catalog, badge.text, values)];
  const regime = facts.regime === null ? undefined : x.regime[facts.regime];
  if (badge.suffixes.includes('regime') && regime !== undefined) sentences.push(regime);
  if (badge.suffixes.includes('share') && facts.npuShare < 1) sentences.push(fill(catalog, x.share, { sharePct: percent(facts.npuShare) }));
  return { topic: 'source', text: sentences.join(' ') };
}
