/**
 * How an LLM projection was derived: provenance (regime, NPU share, silicon attribution), whose
 * measurement a catalog model borrows, the per-model bandwidth scaling caption, the compute dtype's
 * capability, the workload pattern, and the hardware (memory upgrade, bandwidth ratio, tier).
 */
import type { Catalog } from '../catalog/load';
import type { Hardware } from '../hardware/types';
import { decodeBytesPerTokenGb, type ModelProjection, modelRecord } from '../llm/models';
import type { LlmProjection } from '../llm/types';
import type { HardwareNotes } from './hardware';
import { sourcePart } from './source';
import { fill, fixed } from './template';
import { type Explanation, explanation, type ExplanationPart } from './types';

function workloadPart(catalog: Catalog, workload: string): ExplanationPart | null {
  const text = catalog.files['explanations.json'].workloads[workload];
  const label = catalog.workloadByKey[workload]?.label ?? workload;
  return text === undefined ? null : { topic: 'workload', text: `${label}: ${text.description} ${text.note}` };
}

function llmParts(catalog: Catalog, hw: Hardware, notes: HardwareNotes, l: LlmProjection): ExplanationPart {
  const x = catalog.files['explanations.json'];
  return sourcePart(catalog, hw, notes, { source: l.source, regime: l.regime, npuShare: l.npuShareUsed, kind: `${x.kinds.llm} (${l.quant})`, value: `${fixed(l.decodeTokS, 1)} tok/s` });
}

/** The anchor-model path (the MoE perf reference, or a measured cell). */
export function explainLlm(catalog: Catalog, hw: Hardware, notes: HardwareNotes, l: LlmProjection): Explanation {
  return explanation([llmParts(catalog, hw, notes, l), workloadPart(catalog, l.workload), ...notes.closing]);
}

/** The per-model caption: shown when the model reads a different number of bytes per token than the reference. */
function scalingPart(catalog: Catalog, m: ModelProjection): ExplanationPart | null {
  if (m.perfScaleFactor === 1 || m.source === 'measured') return null;
  const reference = modelRecord(catalog, catalog.files['llm-models.json'].perfReference);
  return {
    topic: 'per_model_scaling',
    text: fill(catalog, catalog.files['explanations.json'].perModelScaling, {
      modelGb: fixed(decodeBytesPerTokenGb(modelRecord(catalog, m.model)), 1),
      referenceGb: fixed(decodeBytesPerTokenGb(reference), 1),
      loadRatio: fixed(1 / m.perfScaleFactor, 1),
      factor: fixed(m.perfScaleFactor, 3),
    }),
  };
}

export function explainModel(catalog: Catalog, hw: Hardware, notes: HardwareNotes, m: ModelProjection): Explanation {
  const x = catalog.files['explanations.json'];
  return explanation([
    llmParts(catalog, hw, notes, m),
    m.scaledFrom === null ? null : { topic: 'scaled_from', text: fill(catalog, x.scaledFrom, { measurementKey: m.scaledFrom }) },
    scalingPart(catalog, m),
    notes.capability(m.gate.computeDtype),
    workloadPart(catalog, m.workload),
    ...notes.closing,
  ]);
}
