/**
 * Buyer metrics: what a configuration draws on average, the energy and running cost that follows,
 * the total cost of owning a fleet, and performance per watt. Power follows the platform budget's
 * model (budget.ts: ss_power_avg_watts = TDP x duty cycle): a device draws its TDP while the NPU is
 * busy and nothing extra while it idles, and the workloads sharing one NPU add their duty cycles
 * (time-slicing, duty.ts), capped at 1. See docs/decisions/0027-procurement-plan.md.
 */
import type { Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';

/** Days a year of running, for energy per year (kWh = W x hours a day x days / 1000). */
export const DAYS_PER_YEAR = 365;
const WATTS_PER_KW = 1000;

/** The tier's TDP, or #N/A saying it has none (a custom tier built without tdp_watts): never a division by zero. */
export function requireTdp(hw: Hardware): number {
  if (!(hw.tdpWatts > 0)) {
    throw new SizerError('not_applicable', `${hw.name} has no TDP (tdp_watts is 0), so its power, energy and cost of running are unknown: give the custom tier a tdp_watts`, 'tdp_watts');
  }
  return hw.tdpWatts;
}

/** Average watts of one device whose NPU is busy `dutyCycle` of the time (capped at 1: an oversubscribed NPU draws its TDP). */
export function averageWatts(tdpWatts: number, dutyCycle: number): number {
  return tdpWatts * Math.min(1, Math.max(0, dutyCycle));
}

export function kwhPerYear(averageWattsTotal: number, hoursPerDay: number): number {
  return (averageWattsTotal * hoursPerDay * DAYS_PER_YEAR) / WATTS_PER_KW;
}

export interface OwnershipInput {
  readonly unitPrice: number;
  readonly devices: number;
  readonly years: number;
  readonly pricePerKwh: number;
  /** Average watts of one device. */
  readonly wattsPerDevice: number;
  readonly hoursPerDay: number;
}

export interface Ownership {
  readonly capex: number;
  readonly kwhPerYear: number;
  readonly energyCostPerYear: number;
  /** capex + energy cost per year x years (no discounting, no maintenance: the buyer adds those). */
  readonly tco: number;
}

export function ownership(input: OwnershipInput): Ownership {
  const capex = input.unitPrice * input.devices;
  const kwh = kwhPerYear(input.wattsPerDevice * input.devices, input.hoursPerDay);
  const energyCostPerYear = kwh * input.pricePerKwh;
  return { capex, kwhPerYear: kwh, energyCostPerYear, tco: capex + energyCostPerYear * input.years };
}
