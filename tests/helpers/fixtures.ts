/** Small fixtures shared by the tests. */
import type { CustomTierInput } from '../../src/engine';
import { SizerError } from '../../src/engine';

/** A plausible custom NPU (96-bit LPDDR5X, 100 INT8 TOPS); override any field. */
export function customTierInput(overrides: Partial<CustomTierInput> = {}): CustomTierInput {
  return {
    name: 'My NPU',
    siliconClass: 'lp5x_128',
    peakTopsInt8: 100,
    peakTopsBf16: 50,
    peakTopsFp8: 100,
    peakTopsFp4: 200,
    memBandwidthGbs: 102.4,
    memCapacityGb: 16,
    memBusWidthBits: 96,
    memType: 'LPDDR5X',
    memDataRateGtps: 8.533,
    precisionSet: null,
    computeEfficiency: null,
    bandwidthEfficiency: null,
    tdpWatts: 12,
    ...overrides,
  };
}

/** The SizerError a call throws; fails the test when it throws nothing or something else. */
export function thrownSizerError(run: () => unknown): SizerError {
  try {
    run();
  } catch (e) {
    if (e instanceof SizerError) return e;
    throw e;
  }
  throw new Error('expected a SizerError');
}
