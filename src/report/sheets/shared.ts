/** Resolving a SizingConfig through the engine, shared by the sheet builders. */
import { type BasisDecode, type Engine, type Hardware, type ModelProjection, shapeResultOnBasis, type ShapeResult } from '../../engine';
import { basisOf, type ModelOnBasis } from '../basis';
import type { SizingConfig } from '../config';

/** The hardware a sizing configuration names (tier, memory upgrade, precision set). */
export function hardwareOfConfig(engine: Engine, config: SizingConfig): Hardware {
  return engine.hardware({ tier: config.tier, memory: config.memory, precisionSet: config.precisionSet });
}

/** The configured catalog model's projection, with its decode (and the answer times read from it) on the configuration's basis. */
export function llmModelOf(engine: Engine, hw: Hardware, config: SizingConfig): ModelProjection {
  return llmModelOnBasisOf(engine, hw, config).projection;
}

/** As llmModelOf, with the decode number's 80% band. */
export function llmModelOnBasisOf(engine: Engine, hw: Hardware, config: SizingConfig): ModelOnBasis {
  const projection = engine.llmModel(hw, config.llm.model, {
    quant: config.llm.quant,
    workload: config.llm.workload,
    npuShare: config.npuShare,
    fp4Maturity: config.llm.fp4Maturity,
  });
  return engine.onBasis(hw, projection, basisOf(config), config.npuShare);
}

/**
 * The ladder's tiers with the configured hardware in them: a memory-upgraded (or precision-variant)
 * ladder tier replaces its stock tier's row, as the reference's cross-tier table swaps it in; any
 * other hardware (a custom tier, a registry-only tier) is appended as "(this config)".
 */
export function comparisonTiers(engine: Engine, config: SizingConfig): { label: string; hw: Hardware }[] {
  const tiers = engine.catalog.ladder.map((t) => ({ label: t.name, hw: engine.hardware({ tier: t.id }) }));
  const configured = hardwareOfConfig(engine, config);
  if (tiers.some((t) => t.hw.name === configured.name)) return tiers;
  const stock = tiers.findIndex((t) => configured.presetId !== null && t.hw.presetId === configured.presetId);
  if (stock >= 0) tiers[stock] = { label: configured.name, hw: configured };
  else tiers.push({ label: `${configured.name} (this config)`, hw: configured });
  return tiers;
}

/** The comparison row of the configured hardware (highlighted on tier charts), or null when none matches. */
export function selectedTierLabel(engine: Engine, config: SizingConfig): string | null {
  const configured = hardwareOfConfig(engine, config);
  return comparisonTiers(engine, config).find((t) => t.hw.name === configured.name)?.label ?? null;
}

/**
 * The companion sizer's (PAI) token-shaped projection of the configured model on some hardware: the
 * model's measured stand-in (its measurement alias when that is a shape model, else the first shape
 * model) at the catalog's default prompt and answer lengths.
 */
export function paiShapeOf(engine: Engine, hw: Hardware, config: SizingConfig): ShapeResult {
  const model = engine.catalog.modelByKey[config.llm.model];
  const alias = model?.measurementAlias;
  const key = alias && engine.catalog.shapeModelByKey[alias] ? alias : engine.catalog.files['llm-models.json'].shapeModels[0]!.key;
  return engine.llmShape(hw, { model: key, npuShare: config.npuShare });
}

/**
 * paiShapeOf on the configuration's basis: a projected shape's decode, decode time and total follow
 * the basis, with the decode's 80% band (null when the shape is not projected: nothing to put on a basis).
 */
export function paiShapeOnBasisOf(engine: Engine, hw: Hardware, config: SizingConfig): { readonly result: ShapeResult; readonly decode: BasisDecode | null } {
  const result = paiShapeOf(engine, hw, config);
  if (result.resultType !== 'Projected') return { result, decode: null };
  return shapeResultOnBasis(engine.catalog, engine.calibration, hw, basisOf(config), result, { bytesPerParam: null, promptTokens: null, npuShareGiven: config.npuShare });
}
