/**
 * The headline tiles and warnings for one configuration: formatting only. Every number, verdict and
 * reason comes from the report's sizing projector (projectConfig), which the This config sheet and
 * `sizer query` kind `config` share, so the three cannot disagree.
 */
import { bandAround, type Engine, type Explanation } from '../../engine';
import {
  badgeInfo,
  type BadgeTone as ReportBadgeTone,
  type ConfigProjection,
  type ConfigWarning,
  type HardwareFacts,
  projectConfig,
  type SizingConfig,
} from '../../report';

/** The report's badge tones, plus grey for numbers that carry no badge. */
export type BadgeTone = ReportBadgeTone | 'grey';

export interface SourceBadge {
  /** The engine's badge (measured, measured_anchor, ...), or a short host label. */
  readonly source: string;
  readonly label: string;
  readonly tone: BadgeTone;
  readonly help: string;
}

export type TileId = 'fps-per-stream' | 'total-fps' | 'decode' | 'ttft' | 'latency' | 'memory-fit' | 'duty' | 'vla' | 'vla-cameras' | 'bw-ratio';

export interface Tile {
  readonly id: TileId;
  readonly label: string;
  readonly value: string;
  /** The number's 80% band as shown after it, "(22-31)"; null when the engine gives the number no band. */
  readonly band: string | null;
  readonly caption: string;
  readonly badge: SourceBadge | null;
  /** How this number was derived (the engine's explanation), shown under the tile; null when there is no number. */
  readonly derivation: string | null;
}

export type WarningId = ConfigWarning['id'];

export interface PaneWarning {
  readonly id: WarningId;
  readonly intent: 'error' | 'warning';
  readonly title: string;
  readonly text: string;
}

export interface Headline {
  readonly hardware: string;
  readonly tiles: readonly Tile[];
  readonly warnings: readonly PaneWarning[];
}

export function sourceBadge(source: string | null): SourceBadge {
  if (source === null) return { source: 'none', label: 'batched', tone: 'grey', help: 'Batched multi-stream rows carry no badge (as in the reference).' };
  const known = badgeInfo(source);
  return known ? { source, label: known.label, tone: known.tone, help: known.help } : { source, label: source, tone: 'grey', help: source };
}

const CATALOG_BADGE: SourceBadge = { source: 'catalog', label: 'catalog', tone: 'grey', help: 'What the enabled workloads keep resident, each with its own margin, added up against the tier capacity.' };

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The reference's TTFT format: milliseconds under 0.1 s, else seconds with two decimals. */
export function formatTtft(seconds: number): string {
  return seconds < 0.1 ? `${fixed(seconds * 1000, 0)} ms` : `${fixed(seconds, 2)} s`;
}

/** The reference's describe_hw caption. */
export function describeHardware(hw: HardwareFacts): string {
  const tops = [
    hw.peakTops.bf16 > 0 ? `${fixed(hw.peakTops.bf16, 0)} TOPS BF16` : null,
    hw.peakTops.int8 > 0 ? `${fixed(hw.peakTops.int8, 0)} INT8` : null,
    hw.peakTops.fp8 > 0 ? `${fixed(hw.peakTops.fp8, 0)} FP8` : null,
    hw.peakTops.fp4 > 0 ? `${fixed(hw.peakTops.fp4, 0)} FP4` : null,
  ].filter((t): t is string => t !== null);
  const bus = hw.memBusWidthBits > 0 ? `${hw.memBusWidthBits}-bit ${hw.memType} @ ${hw.memDataRateGtps} GT/s = ` : '';
  return (
    `${hw.name}: ${bus}${fixed(hw.bandwidthTheoreticalGbs, 1)} GB/s theo (${fixed(hw.bandwidthEffectiveGbs, 1)} GB/s effective)` +
    ` • ${tops.length > 0 ? tops.join(' / ') : 'no tensor TOPS reported'} • ${fixed(hw.memCapacityGb, 0)} GB DRAM • ${fixed(hw.tdpWatts, 0)} W`
  );
}

/** Capability keys as the banner says them: "INT8-only", or "INT8 / FP8 / BF16/FP16". */
function capabilityList(keys: readonly string[]): string {
  if (keys.length === 0) return 'without tensor support';
  if (keys.length === 1) return `${keys[0]?.toUpperCase() ?? ''}-only`;
  return keys.map((k) => k.toUpperCase()).join(' / ');
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.join(', ');
}

const INVALID_TITLES: Record<Extract<ConfigWarning, { id: 'invalid-config' }>['workload'], string> = {
  hardware: 'This hardware cannot be sized',
  vision: 'Vision cannot be sized',
  llm: 'The LLM cannot be sized',
  'llm-load': 'The LLM load cannot be sized',
  vla: 'The VLA cannot be sized',
};

function paneWarning(w: ConfigWarning): PaneWarning {
  switch (w.id) {
    case 'invalid-config':
      return { id: w.id, intent: 'error', title: INVALID_TITLES[w.workload], text: w.reason };
    case 'dtype-mismatch':
      return {
        id: w.id,
        intent: 'error',
        title: `dtype mismatch: ${w.modelLabel} cannot run on ${w.hardware}`,
        text:
          `${w.reason}; ${w.hardware} is ${capabilityList(w.supportedCapabilities)}. ` +
          `Tiers that run it: ${list(w.tiersThatRunModel)}. Models that run here: ${list(w.modelsThatRunHere)}. The LLM is left out of the numbers below.`,
      };
    case 'llm-oversubscribed': {
      const kind = w.answerKind === 'short' ? 'short' : 'RAG';
      return {
        id: w.id,
        intent: 'error',
        title: w.visionStarved ? 'NPU oversubscribed by the LLM' : 'LLM workload exceeds NPU capacity',
        text:
          `${fixed(w.queriesPerMinute, 1)} ${kind} queries/min × ${fixed(w.answerSec, 1)} s/answer = ${fixed(w.dutyCycle * 100, 0)}% duty cycle. ` +
          (w.visionStarved ? 'Vision is starved to 0 FPS. ' : '') +
          `The most ${kind}-answer queries ${w.hardware} sustains at ${w.quant} is about ${fixed(w.maxQueriesPerMinute, 1)} per minute (100% NPU duty).`,
      };
    }
    case 'llm-wont-fit':
      return { id: w.id, intent: 'warning', title: `${w.modelLabel} does not fit`, text: `Its weights take ${fixed(w.footprintGb, 1)} GB; ${w.hardware} has ${fixed(w.capacityGb, 0)} GB.` };
    case 'vla-does-not-run':
      return { id: w.id, intent: 'warning', title: `${w.label} does not run on ${w.hardware}`, text: w.reason ?? 'No reason given.' };
    case 'memory-spills':
      return {
        id: w.id,
        intent: 'warning',
        title: 'The workloads do not fit together',
        text: `Each fits on its own, but together they need ${fixed(w.neededGb, 1)} GB; ${w.hardware} has ${fixed(w.capacityGb, 0)} GB.`,
      };
  }
}

const DASH = '—';

/** The low and high ends of a number's 80% band, as the engine gives them. */
export interface Band {
  readonly low: number;
  readonly high: number;
}

/**
 * A band as a tile shows it after its number: "(22-31)". Whole numbers from 10 up, one decimal below,
 * so the band reads at a glance beside the number it bounds.
 */
export function formatBand(band: Band): string {
  const digits = Math.min(band.low, band.high) >= 10 ? 0 : 1;
  return `(${fixed(band.low, digits)}-${fixed(band.high, digits)})`;
}

/** A TTFT band in the units the TTFT tile uses for each end: "(40 ms-1.20 s)". */
export function formatTtftBand(band: Band): string {
  return `(${formatTtft(band.low)}-${formatTtft(band.high)})`;
}

/** A band's measured / projected ratios around the number a tile shows (the engine's bandAround). */
function bandOf(ratios: { readonly lowRatio: number; readonly highRatio: number }, value: number): Band {
  return bandAround(ratios, value);
}

function tile(id: TileId, label: string, value: string, caption: string, badge: SourceBadge | null, derivation: Explanation | null = null, band: Band | string | null = null): Tile {
  return { id, label, value, band: band === null || typeof band === 'string' ? band : formatBand(band), caption, badge, derivation: derivation?.text ?? null };
}

const MEMORY_LABELS = { vision: 'vision', llm: 'LLM', vla: 'VLA' } as const;

function memoryTile(p: ConfigProjection): Tile {
  const fit = p.memoryFit;
  if (!fit) return tile('memory-fit', 'Memory fit', DASH, 'No workload on', null);
  const parts = fit.needs.map((n) => (n.workload === 'vision' ? `${fixed(n.residentGb * 1024, 0)} MB` : `${fixed(n.residentGb, 1)} GB`) + ` ${MEMORY_LABELS[n.workload]}`);
  const margin = fit.needs.reduce((sum, n) => sum + n.marginGb, 0);
  if (margin > 0) parts.push(`${fixed(margin, 1)} GB margin`);
  return tile('memory-fit', 'Memory fit', fit.fits ? '✓ fits' : '✗ spills', `${parts.join(' + ')} of ${fixed(fit.capacityGb, 0)} GB`, CATALOG_BADGE);
}

/** The VLA's badge: its source, or an orange what-if when the rates moved off the measured default (or the engine demoted it). */
function vlaBadge(vla: NonNullable<ConfigProjection['vla']>): SourceBadge | null {
  if (vla.displaySource === null) return null;
  if (vla.displaySource === vla.source) return sourceBadge(vla.source);
  return { ...sourceBadge('cross_class'), source: vla.displaySource, label: 'what-if' };
}

/** The model, and the model its number is borrowed from when it is scaled (the badge is that model's). */
function decodeCaption(llm: NonNullable<ConfigProjection['llm']>): string {
  const model = llm.modelLabel.split(' (')[0] ?? llm.modelLabel;
  const from = llm.scaledFromLabel === null ? null : (llm.scaledFromLabel.split(' (')[0] ?? llm.scaledFromLabel);
  return from === null ? model : `${model}, scaled from ${from}`;
}

/** The pane's tiles and message bars for a projection. */
export function formatHeadline(p: ConfigProjection, config: SizingConfig): Headline {
  const warnings = p.warnings.map(paneWarning);
  if (!p.hardware) return { hardware: '', tiles: [], warnings };
  const share = p.npuShare ?? 1;
  const shareNote = share !== 1 ? ` @ ${fixed(share * 100, 0)}% NPU` : '';
  const { vision, llm, duty, vla } = p;
  const tiles: Tile[] = [];
  if (vision) {
    const badge = sourceBadge(vision.source);
    const under = vision.fpsPerStreamUnderLlm;
    tiles.push(
      tile('fps-per-stream', `FPS per stream${shareNote}`, fixed(under, 1), llm ? `${fixed(under - vision.fpsPerStream, 1)} under LLM load` : `${vision.streams} stream(s) @ ${vision.resolution}`, badge, vision.explanation, bandOf(vision.fpsBand, under)),
      tile('total-fps', `Total FPS${shareNote}`, fixed(vision.totalFpsUnderLlm, 0), `× ${vision.streams} camera(s)`, badge, vision.explanation, bandOf(vision.fpsBand, vision.totalFpsUnderLlm)),
    );
  } else {
    tiles.push(tile('fps-per-stream', 'FPS per stream', DASH, 'Vision off', null), tile('total-fps', 'Total FPS', DASH, 'Vision off', null));
  }
  const llmWhy = config.llm.enabled ? 'LLM cannot run here' : 'LLM off';
  if (llm) {
    const badge = sourceBadge(llm.source);
    tiles.push(
      tile('decode', `Decode (${llm.quant}${p.hardware.bwProjected ? ', BW-proj' : ''})${shareNote}`, `${fixed(llm.decodeTokS, 1)} tok/s`, decodeCaption(llm), badge, llm.explanation, {
        low: llm.decodeTokSLow,
        high: llm.decodeTokSHigh,
      }),
      tile('ttft', 'TTFT (1K prompt)', formatTtft(llm.ttft1kSec), `prefill of ${fixed(llm.ttftPromptTokens, 0)} tokens`, badge, llm.explanation, formatTtftBand(bandOf(llm.ttftBand, llm.ttft1kSec))),
      tile('latency', `End-to-end latency${shareNote}`, `${fixed(llm.answerSec, 1)} s`, llm.answerKind === 'short' ? `short answer (~${llm.answerText})` : `RAG (${llm.answerText})`, badge, llm.explanation),
    );
  } else {
    tiles.push(tile('decode', 'Decode', DASH, llmWhy, null), tile('ttft', 'TTFT (1K prompt)', DASH, llmWhy, null), tile('latency', 'End-to-end latency', DASH, llmWhy, null));
  }
  tiles.push(memoryTile(p));
  tiles.push(
    duty
      ? tile('duty', 'NPU duty cycle', `${fixed(duty.dutyCycle * 100, 0)}%`, `${fixed(duty.queriesPerMinute, 1)} q/min, ${duty.answerKind} answers`, sourceBadge(duty.source), duty.explanation)
      : tile('duty', 'NPU duty cycle', DASH, llmWhy, null),
  );
  if (vla) {
    tiles.push(
      tile(
        'vla',
        'VLA control loop',
        vla.actionHz !== null ? `${fixed(vla.actionHz, 1)} Hz` : DASH,
        vla.msPerAction !== null
          ? `${fixed(vla.msPerAction, 0)} ms/action${vla.fleetSize > 1 ? `, fleet of ${vla.fleetSize}` : ''}${vla.targetExceeded && vla.targetActionHz !== null ? ` · ⚠ target ${fixed(vla.targetActionHz, 0)} Hz not reached` : ''}`
          : (vla.reason ?? ''),
        vlaBadge(vla),
        vla.explanation,
      ),
    );
    if (vla.cameraFps !== null && vla.aggregateCameraFps !== null) {
      const robots = vla.fleetSize > 1 ? ` × ${vla.fleetSize} robots` : '';
      tiles.push(tile('vla-cameras', 'VLA per-camera FPS', fixed(vla.cameraFps, 1), `${fixed(vla.aggregateCameraFps, 0)} aggregate (× ${vla.cameras} cam${robots})`, vlaBadge(vla), vla.explanation));
    }
  }
  const ratio = vision?.bandwidthRatioVsRef ?? llm?.bandwidthRatioVsRef ?? vla?.bandwidthRatioVsRef;
  if (ratio !== undefined) {
    // The ratio's own sentence, not the whole explanation of the workload it came with.
    const part = (vision?.explanation ?? llm?.explanation ?? vla?.explanation)?.parts.filter((x) => x.topic === 'bandwidth_ratio') ?? [];
    tiles.push(tile('bw-ratio', 'DDR bandwidth ratio', `${fixed(ratio, 2)}×`, 'vs NPU Mid', null, { parts: part, text: part.map((x) => x.text).join(' ') }));
  }
  return { hardware: describeHardware(p.hardware), tiles, warnings };
}

export function computeHeadline(engine: Engine, config: SizingConfig): Headline {
  return formatHeadline(projectConfig(engine, config), config);
}
