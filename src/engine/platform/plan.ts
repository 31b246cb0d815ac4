/**
 * The procurement plan: a mixed workload (camera groups at a target FPS, an LLM assistant at a query
 * rate) on every site, tried on each candidate tier. One row per tier says whether the tier can do
 * it and why not, how many devices a site needs, which constraint binds, the headroom on each, and
 * what the fleet costs to buy and to run. The rules follow the engine's duty-cycle model
 * (docs/decisions/0027-procurement-plan.md):
 *
 * - Camera groups (one pipeline, resolution and FPS target) fill devices of their own: a device takes
 *   at most MAXSTREAMS cameras of its group (the most streams at or above the target), so a group
 *   needs CEILING(cameras / MAXSTREAMS) devices; the last one holds the remainder.
 * - The LLM time-slices the NPU (duty.ts): it answers on one device per site, taking duty d of the
 *   time. It shares the least-loaded vision device when that group still meets its target at
 *   FPS x (1 - d) and the LLM's weights fit beside the vision buffers (the combined memory fit);
 *   otherwise the site gets one more device for the LLM alone.
 * - Infeasible: the model's compute dtype is not on the tier (dtype gate), its weights do not fit, its
 *   duty cycle is 1 or more (one site's queries keep a whole NPU busy), one stream misses the FPS
 *   target, or a group's streams do not fit in memory.
 */
import type { Hardware } from '../hardware/types';
import type { ModelProjection } from '../llm/models';
import { SizerError } from '../util/errors';
import type { VisionProjection } from '../vision/types';
import { combinedMemoryFit, llmModelMemoryNeed, visionMemoryNeed } from './memory-fit';
import { averageWatts, kwhPerYear } from './power';

/** A camera group, checked and resolved. */
export interface PlanVisionGroup {
  /** Names the group in errors only ("requirements row 2"): the plan's text names its pipeline and resolution, the same in every host. */
  readonly label: string;
  readonly pipeline: string;
  readonly resolution: string;
  readonly cameras: number;
  readonly targetFps: number;
}

export interface PlanLlm {
  readonly label: string;
  readonly model: string;
  readonly quant: string;
  readonly workload: string;
  readonly queriesPerMinute: number;
  readonly answerKind: 'short' | 'rag';
}

export interface ResolvedPlanInput {
  readonly vision: readonly PlanVisionGroup[];
  readonly llm: PlanLlm | null;
  readonly sites: number;
  readonly tiers: readonly Hardware[];
  /** Unit price of one device by hardware name (a tier without one has no capex or TCO). */
  readonly unitPriceFor: (hw: Hardware) => number | null;
  readonly pricePerKwh: number | null;
  readonly years: number;
  readonly hoursPerDay: number;
}

/** The projections the plan is built on, passed in so this module stays free of the facade. */
export interface PlanProjectors {
  vision(hw: Hardware, group: PlanVisionGroup, streams: number): VisionProjection;
  maxStreams(hw: Hardware, group: PlanVisionGroup): number;
  llmModel(hw: Hardware, llm: PlanLlm): ModelProjection;
  llmDuty(projection: ModelProjection, llm: PlanLlm): number;
}

export type PlanConstraint = 'fps' | 'llm duty' | 'memory';
export type PlanVerdict = 'cheapest' | 'feasible' | 'infeasible' | 'no tier meets the requirements';

export interface PlanRow {
  readonly tier: string;
  readonly feasible: boolean;
  readonly verdict: PlanVerdict;
  /** Why the tier cannot do it (every reason), or how the workloads are placed. */
  readonly why: string;
  readonly devicesPerSite: number | null;
  readonly sites: number;
  readonly totalDevices: number | null;
  readonly bindingConstraint: PlanConstraint | null;
  /** Least FPS margin over the target across the site's vision devices (0.2 = 20 % above). */
  readonly fpsHeadroom: number | null;
  /** NPU time left on the device that runs the LLM (1 - its vision and LLM duty). */
  readonly dutyHeadroom: number | null;
  /** Least spare memory on any of the site's devices. */
  readonly memoryHeadroomGb: number | null;
  readonly llmDuty: number | null;
  readonly avgWattsPerSite: number | null;
  readonly unitPrice: number | null;
  readonly capex: number | null;
  readonly energyKwhPerYear: number | null;
  readonly energyCostPerYear: number | null;
  readonly tco: number | null;
}

interface DeviceLoad {
  /** Share of NPU time the device is busy (vision at its target plus the LLM). */
  readonly duty: number;
  readonly fpsHeadroom: number | null;
  readonly memoryHeadroomGb: number;
}

interface SitePlan {
  readonly devices: readonly DeviceLoad[];
  readonly llmDevice: DeviceLoad | null;
  readonly placement: string;
}

const fmt = (value: number, digits = 2): string => String(Number(value.toFixed(digits)));

/**
 * The projection a device with `streams` cameras runs at: a device that meets the target at
 * maxStreams cameras runs fewer at least as fast, batching as it would for more (the vision
 * projection batches from two streams up, so one stream alone projects slower per stream than two).
 * The best per-stream FPS over streams..maxStreams, with the memory of the cameras it really has.
 */
function paddedVision(hw: Hardware, group: PlanVisionGroup, streams: number, maxStreams: number, p: PlanProjectors): VisionProjection {
  const own = p.vision(hw, group, streams);
  let best = own;
  for (let n = streams + 1; n <= maxStreams; n++) {
    const v = p.vision(hw, group, n);
    if (v.fpsPerStream > best.fpsPerStream) best = v;
  }
  return best === own ? own : { ...own, fpsPerStream: best.fpsPerStream, totalFps: best.fpsPerStream * streams };
}

/** Every reason the tier cannot serve a site, or the site's devices. */
function planSite(hw: Hardware, input: ResolvedPlanInput, p: PlanProjectors): { reasons: string[]; site: SitePlan | null; llmDuty: number | null } {
  const reasons: string[] = [];
  let llm: ModelProjection | null = null;
  let duty: number | null = null;
  if (input.llm) {
    const m = p.llmModel(hw, input.llm);
    if (!m.gate.supported) reasons.push(`dtype gate: ${m.gate.reason ?? `${hw.name} cannot run ${input.llm.model}`}`);
    else {
      llm = m;
      if (!m.fitsInMemory) reasons.push(`LLM does not fit: ${input.llm.model} ${input.llm.quant} needs ${fmt(m.ggufSizeGb)} GB, ${hw.name} has ${fmt(hw.memCapacityGb)} GB`);
      duty = p.llmDuty(m, input.llm);
      if (!(duty < 1)) reasons.push(`duty cycle above 1: ${fmt(input.llm.queriesPerMinute)} queries a minute take ${fmt(duty)} of the NPU`);
    }
  }
  const groups = input.vision.map((group) => {
    const maxStreams = p.maxStreams(hw, group);
    if (maxStreams === 0) {
      reasons.push(`FPS short: ${group.pipeline} at ${group.resolution} gets ${fmt(p.vision(hw, group, 1).fpsPerStream)} FPS on one stream, ${fmt(group.targetFps)} needed`);
      return null;
    }
    const devices = Math.ceil(group.cameras / maxStreams);
    const remainder = group.cameras - (devices - 1) * maxStreams;
    const full = p.vision(hw, group, Math.min(maxStreams, group.cameras));
    if (!full.fitsInMemory) reasons.push(`vision does not fit: ${group.pipeline} at ${group.resolution}, ${full.streams} streams, needs ${fmt(full.vramMb / 1024)} GB, ${hw.name} has ${fmt(hw.memCapacityGb)} GB`);
    return { group, maxStreams, devices, remainder, full, last: paddedVision(hw, group, remainder, maxStreams, p) };
  });
  if (reasons.length > 0) return { reasons, site: null, llmDuty: duty };

  const devices: DeviceLoad[] = [];
  const visionLoad = (group: PlanVisionGroup, v: VisionProjection): DeviceLoad => ({
    duty: group.targetFps / v.fpsPerStream,
    fpsHeadroom: v.fpsPerStream / group.targetFps - 1,
    memoryHeadroomGb: combinedMemoryFit(hw.memCapacityGb, [visionMemoryNeed(v)]).headroomGb,
  });
  // The LLM shares the least-loaded device of the group where it leaves the most FPS margin.
  let host: { index: number; load: DeviceLoad } | null = null;
  if (llm && duty !== null) {
    const remaining = 1 - duty;
    for (const [index, g] of groups.entries()) {
      if (!g) continue;
      const fpsUnderLlm = g.last.fpsPerStream * remaining;
      const fit = combinedMemoryFit(hw.memCapacityGb, [visionMemoryNeed(g.last), llmModelMemoryNeed(llm)]);
      if (fpsUnderLlm < g.group.targetFps || !fit.fits) continue;
      const fpsHeadroom = fpsUnderLlm / g.group.targetFps - 1;
      const load = { duty: g.group.targetFps / g.last.fpsPerStream + duty, fpsHeadroom, memoryHeadroomGb: fit.headroomGb };
      if (host === null || fpsHeadroom > (host.load.fpsHeadroom ?? 0)) host = { index, load };
    }
  }
  for (const [index, g] of groups.entries()) {
    if (!g) continue;
    for (let d = 0; d < g.devices - 1; d++) devices.push(visionLoad(g.group, g.full));
    devices.push(host !== null && host.index === index ? host.load : visionLoad(g.group, g.last));
  }
  let llmDevice: DeviceLoad | null = null;
  let placement = 'vision only';
  if (llm && duty !== null) {
    if (host !== null) {
      llmDevice = host.load;
      const group = input.vision[host.index];
      placement = group ? `the LLM shares a device with ${group.pipeline} ${group.resolution} cameras` : 'the LLM shares a vision device';
    } else {
      llmDevice = { duty, fpsHeadroom: null, memoryHeadroomGb: combinedMemoryFit(hw.memCapacityGb, [llmModelMemoryNeed(llm)]).headroomGb };
      devices.push(llmDevice);
      placement = input.vision.length > 0 ? 'the LLM needs a device of its own (no vision device keeps its FPS target, or memory, with it)' : 'the LLM on its own device';
    }
  }
  return { reasons, site: { devices, llmDevice, placement }, llmDuty: duty };
}

function bindingConstraint(fps: number | null, duty: number | null, memoryFraction: number): PlanConstraint {
  const candidates: [PlanConstraint, number][] = [['memory', memoryFraction]];
  if (duty !== null) candidates.unshift(['llm duty', duty]);
  if (fps !== null) candidates.unshift(['fps', fps]);
  return candidates.reduce((best, c) => (c[1] < best[1] ? c : best))[0];
}

function minOrNull(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.min(...present);
}

export function buildPlan(input: ResolvedPlanInput, p: PlanProjectors): PlanRow[] {
  if (input.vision.length === 0 && input.llm === null) throw new SizerError('invalid_input', 'requirements must name at least one camera group or an LLM', 'requirements');
  const rows = input.tiers.map((hw): PlanRow => {
    const { reasons, site, llmDuty } = planSite(hw, input, p);
    const unitPrice = input.unitPriceFor(hw);
    const base = { tier: hw.name, sites: input.sites, llmDuty, unitPrice };
    if (!site) {
      return {
        ...base, feasible: false, verdict: 'infeasible', why: reasons.join('; '), devicesPerSite: null, totalDevices: null, bindingConstraint: null,
        fpsHeadroom: null, dutyHeadroom: null, memoryHeadroomGb: null, avgWattsPerSite: null, capex: null, energyKwhPerYear: null, energyCostPerYear: null, tco: null,
      };
    }
    const devicesPerSite = site.devices.length;
    const totalDevices = devicesPerSite * input.sites;
    const fpsHeadroom = minOrNull(site.devices.map((d) => d.fpsHeadroom));
    const dutyHeadroom = site.llmDevice ? 1 - site.llmDevice.duty : null;
    const memoryHeadroomGb = Math.min(...site.devices.map((d) => d.memoryHeadroomGb));
    const hasTdp = hw.tdpWatts > 0;
    const avgWattsPerSite = hasTdp ? site.devices.reduce((sum, d) => sum + averageWatts(hw.tdpWatts, d.duty), 0) : null;
    const energyKwhPerYear = avgWattsPerSite === null ? null : kwhPerYear(avgWattsPerSite * input.sites, input.hoursPerDay);
    const energyCostPerYear = energyKwhPerYear === null || input.pricePerKwh === null ? null : energyKwhPerYear * input.pricePerKwh;
    const capex = unitPrice === null ? null : unitPrice * totalDevices;
    const tco = capex === null || energyCostPerYear === null ? null : capex + energyCostPerYear * input.years;
    const notes = [site.placement];
    if (!hasTdp) notes.push(`${hw.name} has no TDP, so energy and TCO are unknown`);
    return {
      ...base, feasible: true, verdict: 'feasible', why: notes.join('; '), devicesPerSite, totalDevices,
      bindingConstraint: bindingConstraint(fpsHeadroom, dutyHeadroom, memoryHeadroomGb / hw.memCapacityGb),
      fpsHeadroom, dutyHeadroom, memoryHeadroomGb, avgWattsPerSite, capex, energyKwhPerYear, energyCostPerYear, tco,
    };
  });
  return markVerdicts(rows);
}

/**
 * The cheapest feasible row: lowest TCO where any feasible row has one, else lowest capex; with no
 * prices at all nothing is marked. With no feasible row, every row says no tier meets the requirements.
 */
function markVerdicts(rows: PlanRow[]): PlanRow[] {
  const feasible = rows.filter((r) => r.feasible);
  if (feasible.length === 0) return rows.map((r) => ({ ...r, verdict: 'no tier meets the requirements' }));
  const key: 'tco' | 'capex' | null = feasible.some((r) => r.tco !== null) ? 'tco' : feasible.some((r) => r.capex !== null) ? 'capex' : null;
  if (key === null) return rows;
  let cheapest: PlanRow | null = null;
  for (const r of feasible) {
    const value = r[key];
    if (value !== null && (cheapest === null || value < (cheapest[key] ?? Infinity))) cheapest = r;
  }
  return rows.map((r) => (r === cheapest ? { ...r, verdict: 'cheapest' } : r));
}

/** The plan's columns, in order (a spill's width is known before any plan is built). */
export const PLAN_FIELDS = [
  'tier', 'feasible', 'verdict', 'why', 'devices_per_site', 'sites', 'total_devices', 'binding_constraint', 'fps_headroom', 'duty_headroom',
  'memory_headroom_gb', 'llm_duty', 'avg_watts_per_site', 'unit_price', 'capex', 'energy_kwh_per_year', 'energy_cost_per_year', 'tco',
] as const;

/** A plan row as the snake_case record every host prints, in PLAN_FIELDS order. */
export function planRecord(row: PlanRow): Record<(typeof PLAN_FIELDS)[number], string | number | boolean | null> {
  return {
    tier: row.tier,
    feasible: row.feasible,
    verdict: row.verdict,
    why: row.why,
    devices_per_site: row.devicesPerSite,
    sites: row.sites,
    total_devices: row.totalDevices,
    binding_constraint: row.bindingConstraint,
    fps_headroom: row.fpsHeadroom,
    duty_headroom: row.dutyHeadroom,
    memory_headroom_gb: row.memoryHeadroomGb,
    llm_duty: row.llmDuty,
    avg_watts_per_site: row.avgWattsPerSite,
    unit_price: row.unitPrice,
    capex: row.capex,
    energy_kwh_per_year: row.energyKwhPerYear,
    energy_cost_per_year: row.energyCostPerYear,
    tco: row.tco,
  };
}
