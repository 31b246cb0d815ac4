/**
 * Hardware construction for the engine: a preset tier, a custom tier (object or SIZER.CUSTOMTIER
 * text), then a memory upgrade and a precision set, each a new frozen object (the catalog is never
 * touched). The only state is a bounded memo owned by the returned function's engine.
 */
import type { HardwareSpec } from '../api';
import type { Catalog } from '../catalog/load';
import { customHardware } from '../hardware/custom';
import { isCustomSpec, parseCustomSpec } from '../hardware/custom-spec';
import { withMemoryUpgrade } from '../hardware/memory';
import { withPrecisionSet } from '../hardware/precision';
import { presetHardware } from '../hardware/preset';
import type { Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import type { EngineNames } from './names';

/** How many constructed hardware descriptions the memo keeps before starting over. */
const HARDWARE_MEMO_LIMIT = 2048;

function optionalName(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new SizerError('invalid_input', `${field} must be a name, got ${JSON.stringify(value)}`, field);
  return value;
}

function buildHardware(catalog: Catalog, names: EngineNames, spec: HardwareSpec): Hardware {
  const hasTier = spec.tier !== undefined && spec.tier !== null;
  const hasCustom = spec.custom !== undefined && spec.custom !== null;
  if (hasTier === hasCustom) {
    throw new SizerError('invalid_input', hasTier ? 'give either tier or custom, not both' : 'a tier (or a custom tier) is required', 'tier');
  }
  const tierText = optionalName(spec.tier, 'tier');
  const customText = tierText !== null && isCustomSpec(tierText);
  let hw: Hardware;
  if (spec.custom) hw = customHardware(catalog, spec.custom);
  // A custom tier written as text (SIZER.CUSTOMTIER), accepted wherever a tier name is.
  else if (customText) hw = customHardware(catalog, parseCustomSpec(tierText));
  else hw = presetHardware(catalog, names.tiers.resolve(tierText ?? '', 'tier'));

  const memory = optionalName(spec.memory, 'memory');
  if (memory !== null) {
    const upgrade = names.memoryUpgrades.resolve(memory, 'memory');
    if ((spec.memoryScope ?? 'ui') === 'ui' && hw.presetId !== null && catalog.tierById[hw.presetId]?.uiMemoryUpgrade !== true) {
      const offered = catalog.tiers.filter((t) => t.uiMemoryUpgrade).map((t) => t.name);
      throw new SizerError('not_applicable', `memory upgrades apply to ${offered.join(' and ')} only (and custom tiers), not ${hw.name}; leave memory blank for stock`, 'memory');
    }
    // The tool's rule comes with the tool's name for the clone; the engine scope keeps the engine's.
    hw = withMemoryUpgrade(hw, upgrade, (spec.memoryScope ?? 'ui') === 'ui' ? 'tool' : 'engine');
  }
  const precisionSet = optionalName(spec.precisionSet, 'precision_set');
  if (precisionSet !== null) {
    if (hasCustom || customText) {
      throw new SizerError('invalid_input', 'a custom tier takes its precision set in its own field (npu_precision_set, or set= in the text form)', 'precision_set');
    }
    hw = withPrecisionSet(catalog, hw, names.precisionSets.resolve(precisionSet, 'precision_set'));
  }
  return hw;
}

/** A memoizing hardware constructor bound to one catalog. */
export function createHardwareBuilder(catalog: Catalog, names: EngineNames): (spec: HardwareSpec) => Hardware {
  const memo = new Map<string, Hardware>();
  return (spec) => {
    // A plain string key for named specs (the common case); JSON only when a custom object is given.
    const key =
      spec.custom === undefined || spec.custom === null
        ? `n\u0001${spec.tier ?? ''}\u0001${spec.memory ?? ''}\u0001${spec.precisionSet ?? ''}\u0001${typeof spec.tier}\u0001${spec.memoryScope ?? 'ui'}`
        : JSON.stringify([spec.tier ?? null, spec.custom, spec.memory ?? null, spec.precisionSet ?? null, spec.memoryScope ?? 'ui']);
    const cached = memo.get(key);
    if (cached) return cached;
    const hw = buildHardware(catalog, names, spec);
    if (memo.size >= HARDWARE_MEMO_LIMIT) memo.clear();
    memo.set(key, hw);
    return hw;
  };
}
