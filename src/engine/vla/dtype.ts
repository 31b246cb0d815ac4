/**
 * Dtype rules of the VLA projection: which dtype a model runs at by default (read off its dtype
 * path label, as the reference does), which FP dtype a flow-matching expert prefers, and what a
 * dtype means for weight bytes and DRAM footprint.
 */
import type { VlaComponentRecord, VlaDtypeRecord, VlaFile, VlaModelRecord } from '../catalog/schemas-vla';

/** The execution dtype a dtype path label implies ("int8+fp8" and "int_only" run the VLM at INT8). */
export function dtypeFromPath(path: string): string {
  if (path.startsWith('int8') || path === 'int_only') return 'int8';
  if (path.startsWith('fp8')) return 'fp8';
  return 'bf16';
}

/**
 * The FP dtypes a flow-matching action expert may run at, preferred first: the one its path names
 * (FP8 when it names both or neither), then the other.
 */
export function expertDtypeCandidates(path: string): readonly [string, string] {
  if (path.includes('fp8')) return ['fp8', 'bf16'];
  if (path.includes('bf16')) return ['bf16', 'fp8'];
  return ['fp8', 'bf16'];
}

export function dtypeRecord(vla: VlaFile, dtype: string): VlaDtypeRecord | undefined {
  return vla.dtypes.find((d) => d.id === dtype);
}

/** Weight bytes per parameter; a dtype the catalog does not list counts as the anchor dtype. */
export function bytesPerParam(vla: VlaFile, dtype: string): number {
  const record = dtypeRecord(vla, dtype) ?? dtypeRecord(vla, vla.anchorDtype);
  return record?.bytesPerParam ?? 2;
}

/** DRAM the model needs at this dtype: its INT8 figure for 8-bit dtypes, else its BF16 figure. */
export function dramGbAt(vla: VlaFile, model: VlaModelRecord, dtype: string): number {
  const footprint = dtypeRecord(vla, dtype)?.dramFootprint ?? 'bf16';
  return model.inferenceDramGb[footprint];
}

export function componentRuns(component: VlaComponentRecord, dtype: string): boolean {
  return component.dtypes.includes(dtype);
}
