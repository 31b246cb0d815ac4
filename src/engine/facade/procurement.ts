/**
 * The engine's buyer methods (power, energy, ownership, performance per watt, the procurement plan):
 * inputs defaulted and range-checked from the one range table, then handed to the pure modules in
 * platform/power.ts and platform/plan.ts.
 */
import type { BasisArgs, Engine, EnergyArgs, EnergyResult, PlanOptions, PlanRequirements, PowerArgs, PowerDraw } from '../api';
import type { Catalog } from '../catalog/load';
import type { Hardware } from '../hardware/types';
import { checkInput, inputOrDefault, optionalInput } from '../inputs/check';
import type { ModelProjection } from '../llm/models';
import type { LlmProjection } from '../llm/types';
import { buildPlan, type PlanLlm, type PlanRow, type PlanVisionGroup } from '../platform/plan';
import { averageWatts, kwhPerYear, ownership, requireTdp } from '../platform/power';
import { SizerError } from '../util/errors';
import type { EngineInputs } from './inputs';
import type { EngineNames } from './names';

type Projections = Pick<Engine, 'hardware' | 'vision' | 'llm' | 'llmModel' | 'llmDuty' | 'maxStreams'> & {
  /** An LLM projection on a call's basis (the projection itself on the reference basis). */
  readonly onCallBasis: <T extends LlmProjection>(hw: Hardware, projection: T, args: BasisArgs, npuShareGiven: number | null) => T;
};

/** The Engine's buyer methods, as the Engine interface declares them. */
export type ProcurementMethods = Pick<Engine, 'powerDraw' | 'energy' | 'ownership' | 'fpsPerWatt' | 'tokpsPerWatt' | 'plan'>;

/** A catalog model past its dtype gate, or #N/A in the gate's own words. */
function runnable(projection: ModelProjection): ModelProjection {
  if (!projection.gate.supported) throw new SizerError('not_applicable', `dtype_mismatch: ${projection.gate.reason ?? projection.model}`);
  return projection;
}

/** Prefixes an engine error with the requirement it is about ("requirements row 3: cameras must be ..."). */
function labelled<T>(label: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SizerError) throw new SizerError(error.code, `${label}: ${error.message}`, error.field);
    throw error;
  }
}

export function createProcurement(catalog: Catalog, names: EngineNames, inputs: EngineInputs, p: Projections): ProcurementMethods {
  const ranges = catalog.inputRanges;

  function powerDraw(hw: Hardware, args: PowerArgs): PowerDraw {
    let llmDuty = 0;
    if (args.llm) {
      const llmArgs = { quant: args.llm.quant ?? null, workload: args.llm.workload ?? null, npuShare: args.llm.npuShare ?? null, fp4Maturity: args.llm.fp4Maturity ?? null };
      const projection = p.onCallBasis(hw, args.llm.model ? runnable(p.llmModel(hw, args.llm.model, llmArgs)) : p.llm(hw, llmArgs), args.llm, llmArgs.npuShare);
      llmDuty = p.llmDuty(projection, args.llm).dutyCycle;
    }
    let visionDuty = 0;
    if (args.vision) {
      p.vision(hw, args.vision); // checks the pipeline, resolution and streams as every vision function does
      visionDuty = optionalInput(ranges.visionDutyShare, args.vision.dutyCycle) ?? Math.max(0, 1 - llmDuty);
    }
    const tdpWatts = requireTdp(hw);
    const dutyCycle = Math.min(1, visionDuty + llmDuty);
    return { tdpWatts, visionDuty, llmDuty, dutyCycle, avgWatts: averageWatts(tdpWatts, dutyCycle) };
  }

  function energy(hw: Hardware, args: EnergyArgs): EnergyResult {
    const hoursPerDay = inputOrDefault(ranges.hoursPerDay, args.hoursPerDay);
    const pricePerKwh = optionalInput(ranges.pricePerKwh, args.pricePerKwh);
    const { avgWatts } = powerDraw(hw, args);
    const kwh = kwhPerYear(avgWatts, hoursPerDay);
    return { avgWatts, hoursPerDay, kwhPerYear: kwh, costPerYear: pricePerKwh === null ? null : kwh * pricePerKwh };
  }

  function plan(requirements: PlanRequirements, options: PlanOptions = {}): PlanRow[] {
    const vision: PlanVisionGroup[] = (requirements.vision ?? []).map((r, i) => {
      const label = r.label ?? `camera group ${i + 1}`;
      return labelled(label, () => ({
        label,
        pipeline: names.pipelines.resolve(r.pipeline, 'pipeline').key,
        resolution: inputs.resolution(r.resolution),
        cameras: checkInput(ranges.siteCameras, r.cameras),
        targetFps: inputs.targetFps(r.targetFps),
      }));
    });
    const l = requirements.llm;
    const llm: PlanLlm | null = l
      ? labelled(l.label ?? 'LLM', () => ({
          label: l.label ?? 'LLM',
          model: names.models.resolve(l.model, 'model'),
          quant: inputs.quant(l.quant),
          workload: inputs.workload(l.workload),
          queriesPerMinute: inputs.queriesPerMinute(l.queriesPerMinute),
          answerKind: inputs.answerKind(l.answerKind),
        }))
      : null;
    const sites = inputOrDefault(ranges.sites, requirements.sites);
    const tierNames = options.tiers && options.tiers.length > 0 ? options.tiers : catalog.tiers.map((t) => t.id);
    const tiers = tierNames.map((tier) => labelled(`tier "${tier}"`, () => p.hardware({ tier })));
    const prices = options.prices ?? {};
    const anyPrice = optionalInput(ranges.unitPrice, prices.unitPrice);
    const byName = new Map<string, number>();
    for (const entry of prices.unitPrices ?? []) {
      labelled(`unit price of "${entry.tier}"`, () => byName.set(p.hardware({ tier: entry.tier }).name, checkInput(ranges.unitPrice, entry.unitPrice)));
    }
    return buildPlan(
      {
        vision,
        llm,
        sites,
        tiers,
        unitPriceFor: (hw) => byName.get(hw.name) ?? anyPrice,
        pricePerKwh: optionalInput(ranges.pricePerKwh, prices.pricePerKwh),
        years: inputOrDefault(ranges.years, prices.years),
        hoursPerDay: inputOrDefault(ranges.hoursPerDay, prices.hoursPerDay),
      },
      {
        vision: (hw, group, streams) => p.vision(hw, { pipeline: group.pipeline, resolution: group.resolution, streams }),
        maxStreams: (hw, group) => p.maxStreams(hw, { pipeline: group.pipeline, resolution: group.resolution, targetFps: group.targetFps }),
        llmModel: (hw, req) => p.onCallBasis(hw, p.llmModel(hw, req.model, { quant: req.quant, workload: req.workload }), options, null),
        llmDuty: (projection, req) => p.llmDuty(projection, { queriesPerMinute: req.queriesPerMinute, answerKind: req.answerKind }).dutyCycle,
      },
    );
  }

  return {
    powerDraw,
    energy,
    ownership: (hw, args) => {
      const unitPrice = checkInput(ranges.unitPrice, args.unitPrice);
      const devices = inputOrDefault(ranges.devices, args.devices);
      const years = inputOrDefault(ranges.years, args.years);
      const pricePerKwh = checkInput(ranges.pricePerKwh, args.pricePerKwh);
      const hoursPerDay = inputOrDefault(ranges.hoursPerDay, args.hoursPerDay);
      return ownership({ unitPrice, devices, years, pricePerKwh, hoursPerDay, wattsPerDevice: powerDraw(hw, args).avgWatts });
    },
    fpsPerWatt: (hw, args) => {
      const v = p.vision(hw, args);
      return v.totalFps / requireTdp(hw);
    },
    tokpsPerWatt: (hw, model, args) => {
      const projection = p.onCallBasis(hw, model ? runnable(p.llmModel(hw, model, args)) : p.llm(hw, args), args, args.npuShare ?? null);
      return projection.decodeTokS / requireTdp(hw);
    },
    plan,
  };
}
