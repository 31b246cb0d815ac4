/**
 * Combined memory fit: do the workloads sharing one device fit in its DRAM together? The reference's
 * platform budget (ENGINE_SPEC §8, FEATURES §5.2: "Platform totals = sum across rows for the ss_*
 * columns"; ss_dram_resident_mb is the additive column "for the memory-fit check") adds what each
 * workload keeps resident and sets the total against the device's capacity. Each workload is counted
 * with the margin its own reference fit check reserves, so with one workload enabled the combined
 * verdict is that workload's own. See docs/decisions/0017-combined-memory-fit.md.
 */
import type { Catalog } from '../catalog/load';
import type { ModelProjection } from '../llm/models';
import type { VisionProjection } from '../vision/types';
import type { VlaProjection } from '../vla/types';

export type MemoryWorkload = 'vision' | 'llm' | 'vla';

/** What one workload needs resident, in GB (the unit of the tier's capacity). */
export interface WorkloadMemoryNeed {
  readonly workload: MemoryWorkload;
  /** Resident footprint: vision buffers and weights, LLM weights, VLA weights for the whole fleet. */
  readonly residentGb: number;
  /** Headroom the workload's own fit check reserves on top of its footprint. */
  readonly marginGb: number;
}

export interface CombinedMemoryFit {
  readonly capacityGb: number;
  /** The enabled workloads that were sized, in the order given. */
  readonly needs: readonly WorkloadMemoryNeed[];
  /** Sum of every need's footprint plus its margin. */
  readonly neededGb: number;
  /** capacityGb - neededGb; negative when the workloads spill. */
  readonly headroomGb: number;
  readonly fits: boolean;
}

/** MB per GB in the vision check (vram_mb < capacity_gb x 1024, ENGINE_SPEC §4.2). */
const MB_PER_GB = 1024;

/** Vision keeps vram_mb resident; its own check (vram_mb < GB x 1024) reserves no margin. */
export function visionMemoryNeed(vision: VisionProjection): WorkloadMemoryNeed {
  return { workload: 'vision', residentGb: vision.vramMb / MB_PER_GB, marginGb: 0 };
}

/**
 * A catalog LLM model keeps its weights (size_gb) resident; the reference's per-model check
 * (scale_llm_projection, ENGINE_SPEC §11) reserves no margin (docs/decisions/0008).
 */
export function llmModelMemoryNeed(model: ModelProjection): WorkloadMemoryNeed {
  return { workload: 'llm', residentGb: model.ggufSizeGb, marginGb: 0 };
}

/**
 * A VLA keeps its weights resident once per fleet member (fleet_memory_gb = dram x fleet) with the
 * catalog's VLA margin (ENGINE_SPEC §15). Null when the projection has no footprint (deferred, or a
 * configuration that does not run before its memory is known).
 */
export function vlaMemoryNeed(catalog: Catalog, vla: VlaProjection): WorkloadMemoryNeed | null {
  const residentGb = vla.fleetMemoryGb ?? vla.dramGb;
  if (residentGb === null) return null;
  return { workload: 'vla', residentGb, marginGb: catalog.files['vla.json'].fitMarginGb };
}

/**
 * The sum of what the workloads need against the capacity. Strict, as the vision and VLA checks
 * are: a total equal to the capacity spills.
 */
export function combinedMemoryFit(capacityGb: number, needs: readonly WorkloadMemoryNeed[]): CombinedMemoryFit {
  let neededGb = 0;
  for (const need of needs) neededGb += need.residentGb + need.marginGb;
  return { capacityGb, needs, neededGb, headroomGb: capacityGb - neededGb, fits: neededGb < capacityGb };
}
