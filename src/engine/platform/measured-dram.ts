/**
 * Measured DRAM traffic per frame: the Nsight Compute bytes per forward of every component a frame
 * fires, weighted by how often it fires. Null when any component has no measurement.
 */
import type { Catalog } from '../catalog/load';
import type { PipelineRecord } from '../catalog/schemas';
import { pyFixed } from '../util/pyround';

export interface MeasuredDram {
  readonly bytesPerFrame: number;
  readonly sourceWorkloads: string;
  readonly nForwards: string;
}

/** DRAM bytes one frame moves, from the measured per-forward bytes of each component it fires. */
export function measuredDram(catalog: Catalog, p: PipelineRecord): MeasuredDram | null {
  if (!p.ncu) return null;
  let bytesPerFrame = 0;
  const nForwards: string[] = [];
  for (const component of p.ncu) {
    const workload = catalog.ncuWorkloadById[component.workload];
    if (!workload) return null; // a component without a measurement leaves the whole row unmeasured
    bytesPerFrame += workload.dramBytesPerForward * component.firesPerFrame;
    nForwards.push(String(workload.nForwards));
  }
  return {
    bytesPerFrame,
    sourceWorkloads: p.ncu.map((c) => `${c.workload}×${pyFixed(c.firesPerFrame, 4)}`).join(', '),
    nForwards: nForwards.join(', '),
  };
}

