/**
 * Everything one VLA projection reads besides the model: the hardware, the RTX 5090 the anchors
 * were measured on, and the query's resolved settings. Built per projection; nothing is cached.
 */
import type { Catalog } from '../catalog/load';
import type { VlaFile } from '../catalog/schemas-vla';
import { peakTopsForDtype } from '../hardware/capability';
import { presetHardware } from '../hardware/preset';
import type { Hardware } from '../hardware/types';
import type { CameraScaling } from './cameras';

export interface VlaContext {
  readonly catalog: Catalog;
  readonly vla: VlaFile;
  readonly hw: Hardware;
  /** The RTX 5090 preset the anchors were measured on. */
  readonly reference: Hardware;
  /** True when hw is that 5090 itself, so its anchors apply unscaled. */
  readonly isReference: boolean;
  /** The reference's peak TOPS at the dtype the anchors were measured at. */
  readonly referencePeakTops: number;
  readonly share: number;
  readonly execDtype: string;
  readonly nActionTokens: number;
  readonly nCameras: number;
  readonly cameras: CameraScaling;
}

export function vlaReferenceHardware(catalog: Catalog): Hardware {
  const id = catalog.files['tiers.json'].bandwidthReferenceTier;
  const tier = catalog.tierById[id];
  if (!tier) throw new Error(`catalog has no bandwidth reference tier ${id}`);
  return presetHardware(catalog, tier);
}

/**
 * The reference recognises its 5090 by name and family, not by identity: a renamed clone (a memory
 * upgrade) is projected from the anchors as if it were other hardware (docs/decisions/0010).
 */
export function isVlaReference(hw: Hardware, reference: Hardware): boolean {
  return hw.name === reference.name && hw.family === reference.family;
}

export function makeVlaContext(
  catalog: Catalog,
  hw: Hardware,
  settings: Pick<VlaContext, 'share' | 'execDtype' | 'nActionTokens' | 'nCameras' | 'cameras'>,
): VlaContext {
  const vla = catalog.files['vla.json'];
  const reference = vlaReferenceHardware(catalog);
  return {
    catalog,
    vla,
    hw,
    reference,
    isReference: isVlaReference(hw, reference),
    referencePeakTops: peakTopsForDtype(catalog, reference, vla.anchorDtype),
    ...settings,
  };
}

/** Peak TOPS of the hardware under study at a dtype (0 when it has none). */
export function peakTopsAt(ctx: VlaContext, dtype: string): number {
  return peakTopsForDtype(ctx.catalog, ctx.hw, dtype);
}
