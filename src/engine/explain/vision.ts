/**
 * How a vision projection was derived: its provenance (with regime and NPU share), the pipeline,
 * the kernel path's capability on this silicon, the compiler-quality haircut, why resolution barely
 * moves the number, the CPU preprocessing left out, and the hardware (memory upgrade, bandwidth
 * ratio vs NPU Mid, tier). Every sentence is a template or text of data/explanations.json.
 */
import type { Catalog } from '../catalog/load';
import type { Hardware } from '../hardware/types';
import type { VisionProjection } from '../vision/types';
import type { HardwareNotes } from './hardware';
import { sourcePart } from './source';
import { fill, fixed, percent } from './template';
import { type Explanation, explanation } from './types';

export function explainVision(catalog: Catalog, hw: Hardware, notes: HardwareNotes, v: VisionProjection, compilerQuality: number): Explanation {
  const x = catalog.files['explanations.json'];
  const pipeline = catalog.pipelineByKey[v.pipeline];
  const description = x.pipelines[v.pipeline];
  return explanation([
    sourcePart(catalog, hw, notes, {
      source: v.source,
      regime: v.regime,
      npuShare: v.npuShareUsed,
      kind: x.kinds.vision,
      value: `${fixed(v.perStreamMs, 1)} ms (${fixed(v.fpsPerStream, 1)} FPS per camera)`,
    }),
    description === undefined ? null : { topic: 'pipeline', text: description },
    pipeline?.precision ? notes.capability(pipeline.precision) : null,
    compilerQuality < 1 ? { topic: 'compiler_quality', text: fill(catalog, x.compilerQuality, { haircutPct: percent(1 - compilerQuality) }) } : null,
    x.resolution.pipelines.includes(v.pipeline) ? { topic: 'resolution', text: x.resolution.text } : null,
    { topic: 'cpu_preprocessing', text: x.cpuPreprocessing },
    ...notes.closing,
  ]);
}
