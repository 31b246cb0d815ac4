/**
 * Catalog facts that hosts print in help text, docs, pane hints and validation lists: names, lists
 * and defaults read from the catalog, never retyped. Each takes the catalog, so help rendered from a
 * modified catalog follows the data (tests/functions/catalog-text.test.ts).
 */
import type { Catalog } from './load';

/**
 * Help text that names catalog facts is a function of the catalog, rendered when it is shown or a
 * generated file is written, so a data edit carries into the help.
 */
export type CatalogText = string | ((catalog: Catalog) => string);

export function renderText(text: CatalogText, catalog: Catalog): string {
  return typeof text === 'string' ? text : text(catalog);
}

/** "a", "a or b", "a, b or c": a short list in running text. */
export function listText(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** The list with the default marked, as help text shows it ("Q4_K_M (default), Q5_K_M or Q8_0"). */
export function listWithDefault(items: readonly string[], defaultItem: string, conjunction = 'or'): string {
  return listText(items.map((i) => (i === defaultItem ? `${i} (default)` : i)), conjunction);
}

export function ladderTierIds(catalog: Catalog): string[] {
  return catalog.ladder.map((t) => t.id);
}

/** Preset tiers that are not on the sizing ladder (SIZER.TIERS lists them only when asked). */
export function registryOnlyTierNames(catalog: Catalog): string[] {
  return catalog.tiers.filter((t) => !t.inLadder).map((t) => t.name);
}

/** Preset tiers whose memory can be upgraded (data/tiers.json uiMemoryUpgrade). */
export function memoryUpgradeTierNames(catalog: Catalog): string[] {
  return catalog.tiers.filter((t) => t.uiMemoryUpgrade).map((t) => t.name);
}

export function memoryUpgradeLabels(catalog: Catalog): string[] {
  return catalog.memoryUpgrades.map((m) => m.label);
}

/** Preset tiers with a precision ladder (data/precision-sets.json ladders). */
export function precisionSetTierNames(catalog: Catalog): string[] {
  const ids = new Set(catalog.files['precision-sets.json'].ladders.map((l) => l.tier));
  return catalog.tiers.filter((t) => ids.has(t.id)).map((t) => t.name);
}

export function precisionSetIds(catalog: Catalog): string[] {
  return catalog.files['precision-sets.json'].sets.map((s) => s.id);
}

/** The quants the LLM projections accept, in catalog order. */
export function quantKeys(catalog: Catalog): string[] {
  return Object.keys(catalog.quantByKey);
}

export function workloadKeys(catalog: Catalog): string[] {
  return Object.keys(catalog.workloadByKey);
}

export function resolutionNames(catalog: Catalog): string[] {
  return [...catalog.files['vision.json'].resolutions];
}

export function vlaModelKeys(catalog: Catalog): string[] {
  return catalog.files['vla.json'].models.map((m) => m.key);
}

export function vlaDtypeIds(catalog: Catalog): string[] {
  return catalog.files['vla.json'].dtypes.map((d) => d.id);
}

export function siliconClassIds(catalog: Catalog): string[] {
  return Object.keys(catalog.siliconClassById);
}

/** The dtypes a capability lookup accepts (data/capability.json dtypeToCapabilityKey). */
export function capabilityDtypes(catalog: Catalog): string[] {
  return Object.keys(catalog.files['capability.json'].dtypeToCapabilityKey);
}

/** The token-shaped projection's models and the quant schemes it maps to a capability. */
export function shapeModelKeys(catalog: Catalog): string[] {
  return Object.keys(catalog.shapeModelByKey);
}

export function shapeQuantSchemes(catalog: Catalog): string[] {
  return Object.keys(catalog.files['capability.json'].quantSchemeToCapabilityKey);
}

/** The measured models of the context-length curve, and the one a blank model takes. */
export function contextCurveModels(catalog: Catalog): { readonly keys: string[]; readonly defaultKey: string } {
  const bundle = catalog.files['llm-bundle.json'];
  return { keys: bundle.models.map((m) => m.key), defaultKey: bundle.contextCurve.defaultModel };
}

/**
 * The tiers' default NPU shares, the most common one bare and the others with their tiers:
 * "0.75; 1 for RTX 5090 (reference, measured)" (or as percentages).
 */
export function npuShareDefaultsText(catalog: Catalog, format: (share: number) => string = String): string {
  const byShare = new Map<number, string[]>();
  for (const t of catalog.tiers) byShare.set(t.npuShareDefault, [...(byShare.get(t.npuShareDefault) ?? []), t.name]);
  const common = [...byShare.entries()].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
  return [...byShare.entries()].map(([share, names]) => (share === common ? format(share) : `${format(share)} for ${listText(names, 'and')}`)).join('; ');
}

/** The preset tier a new configuration starts from (data/tiers.json defaultTier). */
export function defaultTierName(catalog: Catalog): string {
  const id = catalog.files['tiers.json'].defaultTier;
  return catalog.tierById[id]?.name ?? id;
}

/** The pipeline a new configuration starts from: the canonical pipeline of the default track. */
export function defaultPipelineKey(catalog: Catalog): string {
  const file = catalog.files['pipelines.json'];
  const track = file.tracks.find((t) => t.id === file.defaultTrack);
  if (!track) throw new Error(`pipelines.json: default track ${file.defaultTrack} vanished`);
  return track.canonical;
}

/** What a blank LLM setting takes: data/llm.json defaults and data/llm-models.json defaultModel. */
export interface LlmDefaults {
  readonly model: string;
  readonly quant: string;
  readonly workload: string;
  readonly fp4Maturity: 'mature' | 'immature';
  readonly queriesPerMinute: number;
  readonly answerKind: 'short' | 'rag';
}

export function llmDefaults(catalog: Catalog): LlmDefaults {
  const d = catalog.files['llm.json'].defaults;
  return {
    model: catalog.files['llm-models.json'].defaultModel,
    quant: d.quant,
    workload: d.workload,
    fp4Maturity: d.fp4Maturity,
    queriesPerMinute: d.queriesPerMinute,
    answerKind: d.answerKind,
  };
}

/** The model an LLM projection without a named model stands for (data/llm.json referenceModel). */
export function llmReferenceModelLabel(catalog: Catalog): string {
  return catalog.files['llm.json'].referenceModel.label;
}

/** What each answer kind of the duty cycle means, in tokens ("short", "rag"). */
export function answerKindText(catalog: Catalog): { readonly short: string; readonly rag: string } {
  const llm = catalog.files['llm.json'];
  const k = (tokens: number): string => (tokens >= 1024 && tokens % 1024 === 0 ? `${tokens / 1024}K` : String(tokens));
  return { short: `${k(llm.shortAnswerTokens)} tokens`, rag: `${k(llm.ragPromptTokens)} prompt + ${k(llm.ragAnswerTokens)} answer` };
}
