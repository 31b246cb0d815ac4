/** Resolving a SizingConfig through the engine, shared by the sheet builders. */
import type { Engine, Hardware, ModelProjection } from '../../engine';
import type { SizingConfig } from '../config';

/** The hardware a sizing configuration names (tier, memory upgrade, precision set). */
export function hardwareOfConfig(engine: Engine, config: SizingConfig): Hardware {
  return engine.hardware({ tier: config.tier, memory: config.memory, precisionSet: config.precisionSet });
}

export function llmModelOf(engine: Engine, hw: Hardware, config: SizingConfig): ModelProjection {
  return engine.llmModel(hw, config.llm.model, {
    quant: config.llm.quant,
    workload: config.llm.workload,
    npuShare: config.npuShare,
    fp4Maturity: config.llm.fp4Maturity,
  });
}

/** The ladder's tiers, plus the configured hardware when it is not a stock ladder tier. */
export function comparisonTiers(engine: Engine, config: SizingConfig): { label: string; hw: Hardware }[] {
  const tiers = engine.catalog.ladder.map((t) => ({ label: t.name, hw: engine.hardware({ tier: t.id }) }));
  const configured = hardwareOfConfig(engine, config);
  if (!tiers.some((t) => t.hw.name === configured.name)) tiers.push({ label: `${configured.name} (this config)`, hw: configured });
  return tiers;
}

/** The comparison row of the configured hardware (highlighted on tier charts), or null when none matches. */
export function selectedTierLabel(engine: Engine, config: SizingConfig): string | null {
  const configured = hardwareOfConfig(engine, config);
  return comparisonTiers(engine, config).find((t) => t.hw.name === configured.name)?.label ?? null;
}
