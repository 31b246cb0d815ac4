/**
 * The `custom` object of a query: the reference custom-tier factory's inputs, in its snake_case
 * names. A null TOPS or TDP is 0 and a null efficiency takes the silicon-class default, as in the
 * reference; a null bandwidth is derived from bus width and data rate.
 */
import { z } from 'zod';
import type { CustomTierInput } from '../engine';
import { SizerError, theoreticalBandwidthGbs } from '../engine';

const tops = z.number().finite().min(0).max(1e6).nullish();
const efficiency = z.number().finite().gt(0).lte(1).nullish();

export const customTierSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).nullish(),
  silicon_class: z.string().min(1).nullish(),
  peak_tops_int8: tops,
  peak_tops_bf16: tops,
  peak_tops_fp8: tops,
  peak_tops_fp4: tops,
  mem_bandwidth_gbs: z.number().finite().gt(0).max(1e6).nullish(),
  mem_capacity_gb: z.number().finite().gt(0).max(1e5),
  mem_bus_width_bits: z.number().int().positive().max(65536).nullish(),
  mem_type: z.string().trim().min(1).max(50).nullish(),
  mem_data_rate_gtps: z.number().finite().gt(0).max(1000).nullish(),
  npu_precision_set: z.enum(['int8', 'int8_fp8', 'int8_fp8_fp4']).nullish(),
  compute_efficiency: efficiency,
  bandwidth_efficiency: efficiency,
  tdp_watts: z.number().finite().min(0).max(1e5).nullish(),
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
