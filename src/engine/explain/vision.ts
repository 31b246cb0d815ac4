/**
 * How a vision projection was derived: its provenance (with regime and NPU share), the pipeline,
 * the kernel path's capability on this silicon, the compiler-quality haircut, why resolution barely
 * moves the number, the CPU preprocessing left out, and the hardware (memory upgrade, bandwidth
 * ratio vs NPU Mid, tier). Every sentence is a template or text of data/explanations.json.
 */
import type { Catalog } from '../catalog/load';
import { capabilityLevel } from '../hardware/capability';
import type { Hardware } from '../hardware/types';
import type { VisionProjection } from '../vision/types';
import { bandwidthRatioPart, memoryUpgradePart, tierHelp } from './hardware';
import { sourcePart } from './source';
import { fill, fixed, percent } from './template';
import { type Explanation, explanation, type ExplanationPart } from './types';

export function capabilityPart(catalog: Catalog, hw: Hardware, dtype: string): ExplanationPart | null {
  const x = catalog.files['explanations.json'];
  // A precision with no capability key (fp32 ViT pipelines) has no kernel-path caption, as in the reference.
  if (catalog.files['capability.json'].dtypeToCapabilityKey[dtype] === undefined) return null;
  const level = x.capabilityLevels[capabilityLevel(catalog, hw, dtype)];
  if (level === undefined) return null;
  return { topic: 'capability', text: fill(x.capability, { precision: dtype.toUpperCase(), hw: hw.name, label: level.label, description: level.description }) };
}

export function explainVision(catalog: Catalog, hw: Hardware, v: VisionProjection, compilerQuality: number): Explanation {
  const x = catalog.files['explanations.json'];
  const pipeline = catalog.pipelineByKey[v.pipeline];
  const description = x.pipelines[v.pipeline];
  return explanation([
    sourcePart(catalog, hw, {
      source: v.source,
      regime: v.regime,
      npuShare: v.npuShareUsed,
      kind: x.kinds.vision,
      value: `${fixed(v.perStreamMs, 1)} ms (${fixed(v.fpsPerStream, 1)} FPS per camera)`,
    }),
    description === undefined ? null : { topic: 'pipeline', text: description },
    pipeline?.precision ? capabilityPart(catalog, hw, pipeline.precision) : null,
    compilerQuality < 1 ? { topic: 'compiler_quality', text: fill(x.compilerQuality, { haircutPct: percent(1 - compilerQuality) }) } : null,
    x.resolution.pipelines.includes(v.pipeline) ? { topic: 'resolution', text: x.resolution.text } : null,
    { topic: 'cpu_preprocessing', text: x.cpuPreprocessing },
    memoryUpgradePart(catalog, hw),
    bandwidthRatioPart(catalog, hw),
    tierHelp(catalog, hw),
  ]);
}
