/**
 * The headline numbers and warnings for one configuration, computed from the engine the way the
 * reference app orders it: hardware, vision (with the CNN anchor overlay inside the engine), the
 * LLM's dtype gate, the model projection, then the duty cycle and vision under LLM load. Pure, so
 * the tiles and their tests share one computation.
 */
import { effectiveBandwidthGbs, type Engine, type Hardware } from '../../engine';
import type { ModelProjection } from '../../engine/llm/models';
import type { VisionProjection } from '../../engine/vision/types';
import type { VlaProjection } from '../../engine/vla/types';
import { badgeInfo, type BadgeTone as ReportBadgeTone } from '../../report/badges';
import type { SizingConfig } from '../../report';

/** The report's badge tones, plus grey for numbers that carry no badge. */
export type BadgeTone = ReportBadgeTone | 'grey';

export interface SourceBadge {
  /** The engine's badge (measured, measured_anchor, ...), or a short host label. */
  readonly source: string;
  readonly label: string;
  readonly tone: BadgeTone;
  readonly help: string;
}

export type TileId = 'fps-per-stream' | 'total-fps' | 'decode' | 'ttft' | 'latency' | 'memory-fit' | 'duty' | 'vla';

export interface Tile {
  readonly id: TileId;
  readonly label: string;
  readonly value: string;
  readonly caption: string;
  readonly badge: SourceBadge | null;
}

export type WarningId = 'dtype-mismatch' | 'llm-oversubscribed' | 'llm-wont-fit' | 'vla-does-not-run' | 'invalid-config';

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

const CATALOG_BADGE: SourceBadge = { source: 'catalog', label: 'catalog', tone: 'grey', help: 'Footprints from the catalog against the tier capacity.' };

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The reference's TTFT format: milliseconds under 0.1 s, else seconds with two decimals. */
export function formatTtft(seconds: number): string {
  return seconds < 0.1 ? `${fixed(seconds * 1000, 0)} ms` : `${fixed(seconds, 2)} s`;
}

/** The reference's describe_hw caption. */
export function describeHardware(engine: Engine, hw: Hardware): string {
  const tops = [
    hw.peakTops.bf16 > 0 ? `${fixed(hw.peakTops.bf16, 0)} TOPS BF16` : null,
    hw.peakTops.int8 > 0 ? `${fixed(hw.peakTops.int8, 0)} INT8` : null,
    hw.peakTops.fp8 > 0 ? `${fixed(hw.peakTops.fp8, 0)} FP8` : null,
    hw.peakTops.fp4 > 0 ? `${fixed(hw.peakTops.fp4, 0)} FP4` : null,
  ].filter((t): t is string => t !== null);
  const bus = hw.memBusWidthBits > 0 ? `${hw.memBusWidthBits}-bit ${hw.memType} @ ${hw.memDataRateGtps} GT/s = ` : '';
  return (
    `${hw.name}: ${bus}${fixed(hw.memBandwidthGbs, 1)} GB/s theo (${fixed(effectiveBandwidthGbs(hw), 1)} GB/s effective)` +
    ` • ${tops.length > 0 ? tops.join(' / ') : 'no tensor TOPS reported'} • ${fixed(hw.memCapacityGb, 0)} GB DRAM • ${fixed(hw.tdpWatts, 0)} W`
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Dtypes the hardware can execute, upper case ("INT8 / FP8 / BF16"), for the dtype-mismatch banner. */
function supportedDtypes(engine: Engine, hw: Hardware): string {
  const names = (['int8', 'fp8', 'bf16', 'fp4'] as const).filter((d) => engine.capability(hw, d) !== 'unsupported');
  return names.length === 0 ? 'without tensor support' : names.length === 1 && names[0] === 'int8' ? 'INT8-only' : names.map((d) => d.toUpperCase()).join(' / ');
}

const DASH = '—';

function tile(id: TileId, label: string, value: string, caption: string, badge: SourceBadge | null): Tile {
  return { id, label, value, caption, badge };
}

export function computeHeadline(engine: Engine, config: SizingConfig): Headline {
  let hw: Hardware;
  try {
    hw = engine.hardware({ tier: config.tier, memory: config.memory, precisionSet: config.precisionSet });
  } catch (error) {
    return {
      hardware: '',
      tiles: [],
      warnings: [{ id: 'invalid-config', intent: 'error', title: 'This hardware cannot be sized', text: errorMessage(error) }],
    };
  }
  const warnings: PaneWarning[] = [];
  const share = config.npuShare ?? hw.npuShareDefault;
  const shareNote = share !== 1 ? ` @ ${fixed(share * 100, 0)}% NPU` : '';

  let vision: VisionProjection | null = null;
  if (config.vision.enabled) {
    try {
      vision = engine.vision(hw, {
        pipeline: config.vision.pipeline,
        resolution: config.vision.resolution,
        streams: config.vision.streams,
        npuShare: config.npuShare,
        compilerQuality: config.vision.compilerQuality,
      });
    } catch (error) {
      warnings.push({ id: 'invalid-config', intent: 'error', title: 'Vision cannot be sized', text: errorMessage(error) });
    }
  }

  let llm: ModelProjection | null = null;
  let modelLabel = config.llm.model;
  if (config.llm.enabled) {
    try {
      modelLabel = engine.catalog.modelByKey[engine.names.models.resolve(config.llm.model, 'model')]?.label ?? config.llm.model;
      const projection = engine.llmModel(hw, config.llm.model, {
        quant: config.llm.quant,
        workload: config.llm.workload,
        npuShare: config.npuShare,
        fp4Maturity: config.llm.fp4Maturity,
      });
      if (projection.gate.supported) {
        llm = projection;
      } else {
        // As the reference does: the LLM is then treated as off everywhere downstream.
        warnings.push({
          id: 'dtype-mismatch',
          intent: 'error',
          title: `dtype mismatch: ${modelLabel} cannot run on ${hw.name}`,
          text:
            `It needs ${projection.gate.computeDtype.toUpperCase()} tensor support, but ${hw.name} is ${supportedDtypes(engine, hw)}. ` +
            'Pick NPU High or the RTX 5090, or an INT8-native model (the Skippy MoE or Qwen3-30B-A3B entries). The LLM is left out of the numbers below.',
        });
      }
    } catch (error) {
      warnings.push({ id: 'invalid-config', intent: 'error', title: 'The LLM cannot be sized', text: errorMessage(error) });
    }
  }

  const qpm = config.llm.queriesPerMinute;
  // The engine's duty cycle (with its input checks), so the tiles match the sheets and the functions.
  let load: ReturnType<Engine['llmDuty']> | null = null;
  if (llm) {
    try {
      load = engine.llmDuty(llm, { queriesPerMinute: qpm, answerKind: config.llm.answerKind });
    } catch (error) {
      warnings.push({ id: 'invalid-config', intent: 'error', title: 'The LLM load cannot be sized', text: errorMessage(error) });
      llm = null;
    }
  }
  const answerSec = load?.answerSec ?? 0;
  const duty = load?.dutyCycle ?? 0;
  const visionFps = vision ? (llm && load ? engine.visionFpsUnderLlm(vision.fpsPerStream, llm, load) : vision.fpsPerStream) : 0;

  if (llm && load && duty >= 1) {
    const maxQpm = load.maxQueriesPerMinute;
    const kind = config.llm.answerKind === 'short' ? 'short' : 'RAG';
    warnings.push({
      id: 'llm-oversubscribed',
      intent: 'error',
      title: vision ? 'NPU oversubscribed by the LLM' : 'LLM workload exceeds NPU capacity',
      text:
        `${fixed(qpm, 1)} ${kind} queries/min × ${fixed(answerSec, 1)} s/answer = ${fixed(duty * 100, 0)}% duty cycle. ` +
        (vision ? 'Vision is starved to 0 FPS. ' : '') +
        `The most ${kind}-answer queries ${hw.name} sustains at ${config.llm.quant} is about ${fixed(maxQpm, 1)} per minute (100% NPU duty).`,
    });
  }
  if (llm && !llm.fitsInMemory) {
    warnings.push({
      id: 'llm-wont-fit',
      intent: 'warning',
      title: `${modelLabel} does not fit`,
      text: `Its weights take ${fixed(llm.ggufSizeGb, 1)} GB; ${hw.name} has ${fixed(hw.memCapacityGb, 0)} GB.`,
    });
  }

  let vla: VlaProjection | null = null;
  if (config.vla.enabled) {
    try {
      vla = engine.vla(hw, { vla: config.vla.model, cameras: config.vla.cameras, fleetSize: config.vla.fleetSize, cameraMode: config.vla.cameraMode, npuShare: config.npuShare });
      if (vla.runs === false) {
        const label = engine.catalog.files['vla.json'].models.find((m) => m.key === vla?.vla)?.label ?? vla.vla;
        warnings.push({ id: 'vla-does-not-run', intent: 'warning', title: `${label} does not run on ${hw.name}`, text: vla.reason ?? 'No reason given.' });
      }
    } catch (error) {
      warnings.push({ id: 'invalid-config', intent: 'error', title: 'The VLA cannot be sized', text: errorMessage(error) });
    }
  }

  const visionBadge = vision ? sourceBadge(vision.source) : null;
  const llmBadge = llm ? sourceBadge(llm.source) : null;
  const streams = config.vision.streams;
  const tiles: Tile[] = [];
  if (vision) {
    tiles.push(
      tile('fps-per-stream', `FPS per stream${shareNote}`, fixed(visionFps, 1), llm ? `${fixed(visionFps - vision.fpsPerStream, 1)} under LLM load` : `${streams} stream(s) @ ${config.vision.resolution}`, visionBadge),
      tile('total-fps', `Total FPS${shareNote}`, fixed(visionFps * streams, 0), `× ${streams} camera(s)`, visionBadge),
    );
  } else {
    tiles.push(tile('fps-per-stream', 'FPS per stream', DASH, 'Vision off', null), tile('total-fps', 'Total FPS', DASH, 'Vision off', null));
  }
  if (llm) {
    tiles.push(
      tile('decode', `Decode (${config.llm.quant}${hw.bwProjected ? ', BW-proj' : ''})${shareNote}`, `${fixed(llm.decodeTokS, 1)} tok/s`, modelLabel.split(' (')[0] ?? modelLabel, llmBadge),
      tile('ttft', 'TTFT (1K prompt)', formatTtft(llm.ttft1kSec), `prefill of 1,024 tokens`, llmBadge),
      tile('latency', `End-to-end latency${shareNote}`, `${fixed(answerSec, 1)} s`, config.llm.answerKind === 'short' ? 'short answer (~200 tokens)' : 'RAG (8K prompt + 2K answer)', llmBadge),
    );
  } else {
    const why = config.llm.enabled ? 'LLM cannot run here' : 'LLM off';
    tiles.push(tile('decode', 'Decode', DASH, why, null), tile('ttft', 'TTFT (1K prompt)', DASH, why, null), tile('latency', 'End-to-end latency', DASH, why, null));
  }

  const parts: string[] = [];
  let fits = true;
  if (vision) {
    parts.push(`${fixed(vision.vramMb, 0)} MB vision`);
    fits &&= vision.fitsInMemory;
  }
  if (llm) {
    parts.push(`${fixed(llm.ggufSizeGb, 1)} GB LLM`);
    fits &&= llm.fitsInMemory;
  }
  if (vla && vla.fitsInMemory !== null) {
    const gb = config.vla.fleetSize > 1 ? vla.fleetMemoryGb : vla.dramGb;
    if (gb !== null) parts.push(`${fixed(gb, 1)} GB VLA`);
    fits &&= vla.fitsInMemory;
  }
  tiles.push(
    parts.length > 0
      ? tile('memory-fit', 'Memory fit', fits ? '✓ fits' : '✗ spills', `${parts.join(' + ')} of ${fixed(hw.memCapacityGb, 0)} GB`, CATALOG_BADGE)
      : tile('memory-fit', 'Memory fit', DASH, 'No workload on', null),
  );
  tiles.push(
    llm
      ? tile('duty', 'NPU duty cycle', `${fixed(duty * 100, 0)}%`, `${fixed(qpm, 1)} q/min, ${config.llm.answerKind} answers`, llmBadge)
      : tile('duty', 'NPU duty cycle', DASH, config.llm.enabled ? 'LLM cannot run here' : 'LLM off', null),
  );
  if (vla) {
    tiles.push(
      tile(
        'vla',
        'VLA control loop',
        vla.actionHz !== null ? `${fixed(vla.actionHz, 1)} Hz` : DASH,
        vla.msPerAction !== null ? `${fixed(vla.msPerAction, 0)} ms/action${config.vla.fleetSize > 1 ? `, fleet of ${config.vla.fleetSize}` : ''}` : (vla.reason ?? ''),
        vla.vlaSource ? sourceBadge(vla.vlaSource) : null,
      ),
    );
  }
  return { hardware: describeHardware(engine, hw), tiles, warnings };
}
