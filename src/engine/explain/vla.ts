/**
 * How a VLA projection was derived: its badge (demoted to a what-if off the measured default rate),
 * the paper and LIBERO caption, the control loop and fleet, camera FPS, DDR demand against what
 * the NPU share leaves, the target-rate check, the stitched-camera caveat, the model notes and the
 * hardware. Texts and templates come from data/explanations.json.
 */
import type { Catalog } from '../catalog/load';
import type { VlaModelRecord } from '../catalog/schemas-vla';
import type { Hardware } from '../hardware/types';
import type { VlaOperatingPoint } from '../vla/operating-point';
import type { VlaProjection } from '../vla/types';
import type { HardwareNotes } from './hardware';
import { fill, fixed, percent } from './template';
import { type Explanation, explanation, type ExplanationPart } from './types';

function sourcePart(catalog: Catalog, p: VlaProjection, op: VlaOperatingPoint): ExplanationPart | null {
  const x = catalog.files['explanations.json'].vla;
  if (op.displaySource !== p.vlaSource) {
    // Demoted: the engine's own reason (camera count) or the off-default rates.
    return { topic: 'source', text: `${x.whatIf.icon} ${x.whatIf.label}: ${p.vlaSourceReason ?? x.whatIf.text}` };
  }
  const badge = p.vlaSource === null ? undefined : x.sources[p.vlaSource];
  return badge === undefined ? null : { topic: 'source', text: `${badge.icon} ${p.vlaSource}: ${badge.text}` };
}

/** The model picker's caption: paper, architecture and LIBERO success (data/explanations.json vla.paper). */
export function vlaModelCaption(catalog: Catalog, model: VlaModelRecord): string {
  return paperPart(catalog, model).text;
}

function paperPart(catalog: Catalog, model: VlaModelRecord): ExplanationPart {
  const x = catalog.files['explanations.json'].vla;
  const values = { paper: model.sourcePaper ?? model.hfRepo, architecture: model.architecture };
  return {
    topic: 'vla_paper',
    text: model.liberoSuccessPct === null ? fill(catalog, x.paperNoLibero, values) : fill(catalog, x.paper, { ...values, liberoPct: fixed(model.liberoSuccessPct, 0) }),
  };
}

export function explainVla(catalog: Catalog, hw: Hardware, hardwareNotes: HardwareNotes, model: VlaModelRecord, p: VlaProjection, op: VlaOperatingPoint): Explanation {
  const x = catalog.files['explanations.json'].vla;
  const running = p.runs !== false && !p.deferred && p.actionHz !== null && p.msPerAction !== null;
  const parts: (ExplanationPart | null)[] = [sourcePart(catalog, p, op), paperPart(catalog, model)];
  if (!running) {
    if (p.reason !== null) parts.push({ topic: 'vla_control_loop', text: p.reason });
  } else {
    parts.push({ topic: 'vla_control_loop', text: fill(catalog, x.controlLoop, { actionHz: fixed(p.actionHz ?? 0, 1), msPerAction: fixed(p.msPerAction ?? 0, 0), hw: hw.name, regime: p.regime ?? p.architecture }) });
    if (p.fleetSize > 1 && p.aggregateActionHz !== null && p.fleetMemoryGb !== null) {
      parts.push({ topic: 'vla_fleet', text: fill(catalog, x.fleet, { fleet: p.fleetSize, aggregateHz: fixed(p.aggregateActionHz, 0), fleetMemoryGb: fixed(p.fleetMemoryGb, 1) }) });
    }
    if (op.cameraFps !== null && op.aggregateCameraFps !== null) {
      parts.push({ topic: 'vla_cameras', text: fill(catalog, x.cameras, { cameras: p.nCameras, mode: p.cameraMode, cameraFps: fixed(op.cameraFps, 1), aggregateFps: fixed(op.aggregateCameraFps, 0) }) });
    }
    if (op.ddrDemandGbs !== null) {
      const share = op.ddrAvailableGbs > 0 ? op.ddrDemandGbs / op.ddrAvailableGbs : Infinity;
      parts.push({
        topic: 'vla_ddr',
        text: fill(catalog, x.ddr, { demandGbs: fixed(op.ddrDemandGbs, 0), demandPct: percent(share), availableGbs: fixed(op.ddrAvailableGbs, 0), overBudget: share > 1 ? x.overBudget : '' }),
      });
    }
    if (op.targetActionHz !== null) {
      const values = { targetHz: fixed(op.targetActionHz, 0), actionHz: fixed(p.actionHz ?? 0, 1), hw: hw.name };
      parts.push({ topic: 'vla_target', text: fill(catalog, op.targetExceeded ? x.targetExceeded : x.targetMet, values) });
    }
  }
  if (p.stitchedQualityCaveat !== null) parts.push({ topic: 'vla_stitched', text: p.stitchedQualityCaveat });
  const modelNotes = x.notes[model.key];
  if (modelNotes !== undefined) parts.push({ topic: 'vla_notes', text: modelNotes });
  parts.push(...hardwareNotes.closing);
  return explanation(parts);
}
