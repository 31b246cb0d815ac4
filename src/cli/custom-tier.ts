/**
 * The `custom` object of a query: the reference custom-tier factory's inputs, in its snake_case
 * names. A null TOPS or TDP is 0 and a null efficiency takes the silicon-class default, as in the
 * reference; a null bandwidth is derived from bus width and data rate.
 */
import { z } from 'zod';
import type { CustomTierInput } from '../engine';
import { SizerError, theoreticalBandwidthGbs } from '../engine';

// Numbers are checked for type here and for range by the engine's custom-tier factory, against the
// one range table (src/engine/inputs/ranges.ts), so the CLI, the worksheet functions and the pane
// refuse the same figures with the same message.
const figure = z.number().nullish();

export const customTierSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).nullish(),
  silicon_class: z.string().min(1).nullish(),
  peak_tops_int8: figure,
  peak_tops_bf16: figure,
  peak_tops_fp8: figure,
  peak_tops_fp4: figure,
  mem_bandwidth_gbs: figure,
  mem_capacity_gb: z.number(),
  mem_bus_width_bits: figure,
  mem_type: z.string().trim().min(1).max(50).nullish(),
  mem_data_rate_gtps: figure,
  npu_precision_set: z.enum(['int8', 'int8_fp8', 'int8_fp8_fp4']).nullish(),
  compute_efficiency: figure,
  bandwidth_efficiency: figure,
  tdp_watts: figure,
});

export type CustomTierJson = z.infer<typeof customTierSchema>;

export function toCustomTierInput(json: CustomTierJson): CustomTierInput {
  const bus = json.mem_bus_width_bits ?? null;
  const rate = json.mem_data_rate_gtps ?? null;
  let bandwidth = json.mem_bandwidth_gbs ?? null;
  if (bandwidth === null) {
    if (bus === null || rate === null) {
      throw new SizerError('invalid_input', 'custom tier needs mem_bandwidth_gbs, or mem_bus_width_bits and mem_data_rate_gtps to derive it', 'custom.mem_bandwidth_gbs');
    }
    bandwidth = theoreticalBandwidthGbs(bus, rate);
  }
  return {
    name: json.name ?? 'Custom NPU',
    siliconClass: json.silicon_class ?? 'unknown',
    peakTopsInt8: json.peak_tops_int8 ?? 0,
    peakTopsBf16: json.peak_tops_bf16 ?? 0,
    peakTopsFp8: json.peak_tops_fp8 ?? 0,
    peakTopsFp4: json.peak_tops_fp4 ?? 0,
    memBandwidthGbs: bandwidth,
    memCapacityGb: json.mem_capacity_gb,
    memBusWidthBits: bus ?? 0,
    memType: json.mem_type ?? 'custom',
    memDataRateGtps: rate ?? 0,
    precisionSet: json.npu_precision_set ?? null,
    computeEfficiency: json.compute_efficiency ?? null,
    bandwidthEfficiency: json.bandwidth_efficiency ?? null,
    tdpWatts: json.tdp_watts ?? 0,
  };
}
