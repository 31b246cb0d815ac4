/*
 * GENERATED from the function registry (src/functions/registry) by src/functions/codegen/excel-file.ts.
 * Do not edit: change the registry and run `npm run generate`.
 *
 * custom-functions-metadata-plugin reads the JSDoc below to build functions.json and registers each
 * @customfunction with the shared runtime; every function is a thin call into the registry.
 */
import { callSizer } from './excel/runtime';

/**
 * The webpack plugin appends `CustomFunctions.associate(id, fn)` calls below; this shadows the global so they
 * register with Excel's runtime when it exists and are skipped (no ReferenceError) in a plain browser or Node.
 */
type CustomFunction = (...args: never[]) => unknown;
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the associate calls the plugin appends
const CustomFunctions = {
  associate(id: string, fn: CustomFunction): void {
    const runtime = (globalThis as { CustomFunctions?: { associate?: (id: string, fn: CustomFunction) => void } }).CustomFunctions;
    if (typeof runtime?.associate === 'function') runtime.associate(id, fn);
  },
};

/**
 * Lists the memory-upgrade options, as a column; for a tier that does not offer upgrades, only "stock".
 * @customfunction MEMORY
 * @param tier Tier to list upgrades for; blank = every option
 * @returns A column of memory-upgrade labels.
 */
export function memory(tier?: string): any[][] {
  return callSizer('MEMORY', [tier]) as any[][];
}

/**
 * Lists the LLM models; for a tier, the models it can run come first (then production, fine-tunes, stock bases).
 * @customfunction MODELS
 * @param tier Tier to order by compatibility; blank = catalog order by role
 * @param format key (blank) or label: the reference picker labels, role icon first and a red mark on models the tier cannot run
 * @returns A column of model keys (or picker labels).
 */
export function models(tier?: string, format?: string): any[][] {
  return callSizer('MODELS', [tier, format]) as any[][];
}

/**
 * Lists the vision pipelines, all or one track, as a column of keys.
 * @customfunction PIPELINES
 * @param track Track id or label (see SIZER.TRACKS); blank = every pipeline
 * @returns A column of pipeline keys.
 */
export function pipelines(track?: string): any[][] {
  return callSizer('PIPELINES', [track]) as any[][];
}

/**
 * Lists the LLM quants the projections accept, as a column.
 * @customfunction QUANTS
 * @param model A model key (every catalog model takes the same quants); blank = all
 * @returns A column of quant keys.
 */
export function quants(model?: string): any[][] {
  return callSizer('QUANTS', [model]) as any[][];
}

/**
 * Lists the camera resolutions the vision projections accept, as a column.
 * @customfunction RESOLUTIONS
 * @returns A column of resolutions.
 */
export function resolutions(): any[][] {
  return callSizer('RESOLUTIONS', []) as any[][];
}

/**
 * Lists the preset tiers of the sizing ladder, smallest first, as a column.
 * @customfunction TIERS
 * @param all TRUE to include the registry-only tiers (NPU Low-LP4, NPU Low-LP5-32bit, i.MX 93 (2xA55, measured floor)); blank = ladder only
 * @returns A column of tier display names.
 */
export function tiers(all?: boolean): any[][] {
  return callSizer('TIERS', [all]) as any[][];
}

/**
 * Lists the vision pipeline tracks (families of related pipelines) as a column.
 * @customfunction TRACKS
 * @returns A column of track ids.
 */
export function tracks(): any[][] {
  return callSizer('TRACKS', []) as any[][];
}

/**
 * Lists the LLM workload patterns (see the example), as a column.
 * @customfunction WORKLOADS
 * @returns A column of workload keys.
 */
export function workloads(): any[][] {
  return callSizer('WORKLOADS', []) as any[][];
}

/**
 * Describes a custom NPU as text that every tier argument accepts, so the custom tier lives in a cell. The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction CUSTOMTIER
 * @param bus_width_bits Memory bus width (e.g. 96): from 0 to 65536 bits
 * @param mem_type Memory type label (e.g. LPDDR5X)
 * @param data_rate_gtps Memory data rate (e.g. 8.533): from 0 to 1000 GT/s
 * @param capacity_gb Memory capacity: from 0.001 to 100000 GB
 * @param tops_int8 Peak INT8 TOPS: 0, or from 0.001 to 1000000 TOPS
 * @param tops_bf16 Peak BF16/FP16 TOPS: 0, or from 0.001 to 1000000 TOPS; blank = 0
 * @param tops_fp8 Peak FP8 TOPS: 0, or from 0.001 to 1000000 TOPS; blank = 0
 * @param tops_fp4 Peak FP4 TOPS: 0, or from 0.001 to 1000000 TOPS; blank = 0
 * @param silicon_class Silicon class for the modelling factors: neutron, lp5x_64, lp5x_128, lp5x_128_int8, gddr_class or unknown (default)
 * @param bandwidth_efficiency Achievable share of theoretical bandwidth: from 0.01 to 1; blank = the silicon class's default
 * @param compute_efficiency Achievable share of peak TOPS: from 0.01 to 1; blank = the silicon class's default
 * @param tdp_watts TDP: from 0 to 100000 W; blank = 0
 * @param precision_set int8, int8_fp8 or int8_fp8_fp4; blank = none
 * @param name A name for the tier; blank = "Custom NPU"
 * @returns The custom tier as text ("custom: name=...; class=...; ...").
 */
export function customtier(bus_width_bits: number, mem_type: string, data_rate_gtps: number, capacity_gb: number, tops_int8: number, tops_bf16?: number, tops_fp8?: number, tops_fp4?: number, silicon_class?: string, bandwidth_efficiency?: number, compute_efficiency?: number, tdp_watts?: number, precision_set?: string, name?: string): string {
  return callSizer('CUSTOMTIER', [bus_width_bits, mem_type, data_rate_gtps, capacity_gb, tops_int8, tops_bf16, tops_fp8, tops_fp4, silicon_class, bandwidth_efficiency, compute_efficiency, tdp_watts, precision_set, name]) as string;
}

/**
 * Returns a tier's hardware figures: memory, bandwidth, peak TOPS, efficiencies, NPU share, capability. The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction HARDWARE
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param field One hardware field to return; blank = the whole record as a header row and a value row
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @returns A header row and a value row, or the one field asked for.
 */
export function hardware(tier: string, field?: string, memory?: string, precision_set?: string): any[][] {
  return callSizer('HARDWARE', [tier, field, memory, precision_set]) as any[][];
}

/**
 * Refits the calibrated basis to your own lab measurements (the same refit as sizer calibrate): the fitted constants with their leave-one-out error, for the calibration argument of every function that takes a basis (SIZER.TOKPS, SIZER.LLM, SIZER.DUTY, SIZER.PLAN, ...).
 * @customfunction CALIBRATE
 * @param table A table of your lab rows with its header row (e.g. LabRows[#All]); columns by name, in any order: device, tier, mem_bandwidth_gbs, mem_bus_width_bits, mem_type, model, active_params_b, total_params_b, is_moe, quant, bits_per_weight, context_tokens, decode_tok_s, note (also mem_data_rate_gtps, bytes_per_param, num_layers, hidden_dim, kv_head_ratio). Give a tier or the memory facts, a model or its parameter counts, a quant or its bits per weight; blank rows are skipped; at least 3 rows
 * @returns A header row (calibration, value) and one labelled row each: rows (lab rows fitted), loo_median_abs_error (leave-one-out median |projected / measured - 1|), loo_geomean_ratio (leave-one-out geometric mean of projected / measured), bw_efficiency_4bit (share of peak bandwidth decode reaches, 4-bit weights), bw_efficiency_8bit (the same, 8-bit weights), bw_efficiency_16bit (the same, 16-bit weights (and the KV cache)), gddr_factor (multiplier on that share for GDDR memory), per_layer_overhead_ms (fixed time per token per layer, ms), gddr_overhead_factor (multiplier on that per-layer time for GDDR memory (discrete GPUs)), moe_routing_factor (multiplier on a MoE model's weight-read time), narrow_bus_factor (multiplier on the share for a narrow bus (single-board computers, phones)), band_low_ratio (80% band's low end, measured / projected), band_high_ratio (80% band's high end, measured / projected).
 */
export function calibrate(table: any[][]): any[][] {
  return callSizer('CALIBRATE', [table]) as any[][];
}

/**
 * Decode tokens per second at a given context length, interpolated between measured bake-off anchors.
 * @customfunction CONTEXTTOKPS
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param context_tokens Context length (the prompt so far): a whole number from 1 to 100000000 tokens
 * @param model Measured model: qwen3-30b-a3b-q4-moe (default) or qwen2.5-14b-q4-dense
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param compiler_quality Compiler quality relative to TensorRT (1 = as good): greater than 0 and at most 10; blank = 1
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns Decode tokens per second at that context length.
 */
export function contexttokps(tier: string, context_tokens: number, model?: string, npu_share?: number, compiler_quality?: number, memory?: string, precision_set?: string, basis?: string, calibration?: any[][]): number {
  return callSizer('CONTEXTTOKPS', [tier, context_tokens, model, npu_share, compiler_quality, memory, precision_set, basis, calibration]) as number;
}

/**
 * Whether the model's weights fit in the tier's memory. The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction FITS
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param model LLM model key or label (see SIZER.MODELS)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @returns TRUE when the model fits in memory.
 */
export function fits(tier: string, model: string, quant?: string, memory?: string, precision_set?: string): boolean {
  return callSizer('FITS', [tier, model, quant, memory, precision_set]) as boolean;
}

/**
 * The full LLM projection record: decode, TTFT, answer latencies, fit, source badge and regime.
 * @customfunction LLM
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param model LLM model key or label (see SIZER.MODELS)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param field One LLM field to return; blank = the whole record as a header row and a value row
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param fp4_maturity FP4 runtime maturity: mature (default) or immature (immature: FP4 falls back to BF16 kernels)
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns A header row and a value row, or the one field asked for.
 */
export function llm(tier: string, model: string, quant?: string, workload?: string, npu_share?: number, field?: string, memory?: string, precision_set?: string, fp4_maturity?: string, basis?: string, calibration?: any[][]): any[][] {
  return callSizer('LLM', [tier, model, quant, workload, npu_share, field, memory, precision_set, fp4_maturity, basis, calibration]) as any[][];
}

/**
 * Token-shaped LLM projection with a memory verdict: WontFit, DtypeMismatch or Projected decode, prefill and total time.
 * @customfunction LLMSHAPE
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param model Shape model: qwen3_30b_a3b_moe, qwen25_32b_dense or qwen25_7b_dense
 * @param quant_scheme Quant scheme (Q4_K_M, Q5_K_M, Q8_0, INT8_W8A8, FP8, FP16, BF16, NVFP4, MXFP4, INT4_AWQ, INT4_GPTQ); blank = the model's own
 * @param prompt_tokens Prompt tokens: a whole number from 1 to 100000000 tokens; blank = 500
 * @param decode_tokens Generated tokens: a whole number from 1 to 100000000 tokens; blank = 200
 * @param field One shape field to return; blank = the whole record as a header row and a value row
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param bytes_per_param Bytes per parameter of the quant: from 0.25 to 4 bytes; blank = the quant scheme's
 * @param gguf_size_gb Weights size: greater than 0 and at most 100000 GB; blank = the catalog's size for the quant
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns A header row and a value row, or the one field asked for. On the calibrated basis decode_tok_s, decode_s and total_s follow it (as the llm_shape query kind); prefill and TTFT are the same on either basis.
 */
export function llmshape(tier: string, model: string, quant_scheme?: string, prompt_tokens?: number, decode_tokens?: number, field?: string, npu_share?: number, bytes_per_param?: number, gguf_size_gb?: number, memory?: string, basis?: string, calibration?: any[][]): any[][] {
  return callSizer('LLMSHAPE', [tier, model, quant_scheme, prompt_tokens, decode_tokens, field, npu_share, bytes_per_param, gguf_size_gb, memory, basis, calibration]) as any[][];
}

/**
 * A catalog LLM model: parameters, footprint, compute dtype, measurement alias, accuracy and perf scaling.
 * @customfunction MODEL
 * @param model LLM model key or label (see SIZER.MODELS)
 * @param field One model field to return; blank = the whole record as a header row and a value row
 * @returns A header row and a value row, or the one field asked for.
 */
export function model(model: string, field?: string): any[][] {
  return callSizer('MODEL', [model, field]) as any[][];
}

/**
 * Projected LLM decode speed in tokens per second for a model on a tier.
 * @customfunction TOKPS
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param model LLM model key or label (see SIZER.MODELS)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param fp4_maturity FP4 runtime maturity: mature (default) or immature (immature: FP4 falls back to BF16 kernels)
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns Decode tokens per second (#N/A when the tier cannot run the model).
 */
export function tokps(tier: string, model: string, quant?: string, workload?: string, npu_share?: number, memory?: string, precision_set?: string, fp4_maturity?: string, basis?: string, calibration?: any[][]): number {
  return callSizer('TOKPS', [tier, model, quant, workload, npu_share, memory, precision_set, fp4_maturity, basis, calibration]) as number;
}

/**
 * Decode tokens per second with its 80% band: low, expected and high, from the validation residuals of the basis.
 * @customfunction TOKPSRANGE
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param model LLM model key or label (see SIZER.MODELS)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param fp4_maturity FP4 runtime maturity: mature (default) or immature (immature: FP4 falls back to BF16 kernels)
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param with_header TRUE (default) to spill a header row above the values
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns One row: low, expected, high decode tok/s (a header row above unless with_header is FALSE).
 */
export function tokpsrange(tier: string, model: string, quant?: string, workload?: string, npu_share?: number, memory?: string, precision_set?: string, fp4_maturity?: string, basis?: string, with_header?: boolean, calibration?: any[][]): any[][] {
  return callSizer('TOKPSRANGE', [tier, model, quant, workload, npu_share, memory, precision_set, fp4_maturity, basis, with_header, calibration]) as any[][];
}

/**
 * Projected time to first token, in seconds, for a 1,024-token prompt. The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction TTFT
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param model LLM model key or label (see SIZER.MODELS)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param fp4_maturity FP4 runtime maturity: mature (default) or immature (immature: FP4 falls back to BF16 kernels)
 * @returns Seconds to the first token (#N/A when the tier cannot run the model).
 */
export function ttft(tier: string, model: string, quant?: string, workload?: string, npu_share?: number, memory?: string, precision_set?: string, fp4_maturity?: string): number {
  return callSizer('TTFT', [tier, model, quant, workload, npu_share, memory, precision_set, fp4_maturity]) as number;
}

/**
 * What-if model: decode tok/s scaled from the nearest measured anchor, and whether weights + KV cache fit.
 * @customfunction WHATIF
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param active_params_b Active parameters per token: greater than 0 and at most 100000 billion
 * @param total_params_b Total parameters: greater than 0 and at most 100000 billion
 * @param bytes_per_param Bytes per parameter (Q4_K_M 0.57, Q5_K_M 0.68, Q8_0 1.04, FP16 2, BF16 2, FP8 1, INT8_W8A8 1): from 0.25 to 4 bytes; blank = 0.57
 * @param is_moe TRUE for a mixture-of-experts model; blank = TRUE when active < total
 * @param field One what-if field to return; blank = the whole record as a header row and a value row
 * @param prompt_tokens Prompt tokens (sets the context for decode and the KV cache): a whole number from 1 to 100000000 tokens; blank = 750
 * @param decode_tokens Generated tokens (KV cache): a whole number from 1 to 100000000 tokens; blank = 150
 * @param hidden_dim Hidden width (KV cache): a whole number from 1 to 1000000; blank = 4096
 * @param num_layers Layers (KV cache): a whole number from 1 to 1000000; blank = 32
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns A header row and a value row, or the one field asked for.
 */
export function whatif(tier: string, active_params_b: number, total_params_b: number, bytes_per_param?: number, is_moe?: boolean, field?: string, prompt_tokens?: number, decode_tokens?: number, hidden_dim?: number, num_layers?: number, npu_share?: number, memory?: string, precision_set?: string, basis?: string, calibration?: any[][]): any[][] {
  return callSizer('WHATIF', [tier, active_params_b, total_params_b, bytes_per_param, is_moe, field, prompt_tokens, decode_tokens, hidden_dim, num_layers, npu_share, memory, precision_set, basis, calibration]) as any[][];
}

/**
 * One row of the KPI spreadsheet: ingest, detector, segmenter and LLM times and total FPS for a pipeline on a tier.
 * @customfunction KPIROW
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES)
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param llm_enabled TRUE to add the LLM short-answer time; blank = FALSE
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param with_header TRUE (default) to spill a header row above the values
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns A 1 x 13 row, under a header row unless with_header is FALSE. The LLM time follows the basis; the vision stages are the same on either basis.
 */
export function kpirow(tier: string, pipeline: string, resolution?: string, llm_enabled?: boolean, quant?: string, workload?: string, with_header?: boolean, memory?: string, precision_set?: string, basis?: string, calibration?: any[][]): any[][] {
  return callSizer('KPIROW', [tier, pipeline, resolution, llm_enabled, quant, workload, with_header, memory, precision_set, basis, calibration]) as any[][];
}

/**
 * How a vision pipeline scales from 1 to 16 camera streams on a tier (frame time, FPS per stream, total FPS, memory). The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction STREAMSCALING
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES)
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param with_header TRUE (default) to spill a header row above the values
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param compiler_quality Compiler quality relative to TensorRT (1 = as good): greater than 0 and at most 10; blank = 1
 * @returns One row per stream count, 1 to 16, under a header row.
 */
export function streamscaling(tier: string, pipeline: string, resolution?: string, npu_share?: number, with_header?: boolean, memory?: string, precision_set?: string, compiler_quality?: number): any[][] {
  return callSizer('STREAMSCALING', [tier, pipeline, resolution, npu_share, with_header, memory, precision_set, compiler_quality]) as any[][];
}

/**
 * Projected total frames per second across all streams of a vision pipeline on a tier. The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction TOTALFPS
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES)
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param streams Camera streams sharing the NPU: a whole number from 1 to 16 streams; blank = 1
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param compiler_quality Compiler quality relative to TensorRT (1 = as good): greater than 0 and at most 10; blank = 1
 * @returns Frames per second summed over the streams.
 */
export function totalfps(tier: string, pipeline: string, resolution?: string, streams?: number, npu_share?: number, memory?: string, precision_set?: string, compiler_quality?: number): number {
  return callSizer('TOTALFPS', [tier, pipeline, resolution, streams, npu_share, memory, precision_set, compiler_quality]) as number;
}

/**
 * The full vision projection record: frame time, FPS, memory, source badge, regime and diagnostics. The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction VISION
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES)
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param streams Camera streams sharing the NPU: a whole number from 1 to 16 streams; blank = 1
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param field One vision field to return; blank = the whole record as a header row and a value row
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param compiler_quality Compiler quality relative to TensorRT (1 = as good): greater than 0 and at most 10; blank = 1
 * @returns A header row and a value row, or the one field asked for.
 */
export function vision(tier: string, pipeline: string, resolution?: string, streams?: number, npu_share?: number, field?: string, memory?: string, precision_set?: string, compiler_quality?: number): any[][] {
  return callSizer('VISION', [tier, pipeline, resolution, streams, npu_share, field, memory, precision_set, compiler_quality]) as any[][];
}

/**
 * Projected frames per second for each camera stream of a vision pipeline on a tier. The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction VISIONFPS
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES)
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param streams Camera streams sharing the NPU: a whole number from 1 to 16 streams; blank = 1
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param compiler_quality Compiler quality relative to TensorRT (1 = as good): greater than 0 and at most 10; blank = 1
 * @returns Frames per second per stream.
 */
export function visionfps(tier: string, pipeline: string, resolution?: string, streams?: number, npu_share?: number, memory?: string, precision_set?: string, compiler_quality?: number): number {
  return callSizer('VISIONFPS', [tier, pipeline, resolution, streams, npu_share, memory, precision_set, compiler_quality]) as number;
}

/**
 * Frames per second per stream with its 80% band: low, expected and high, from the validation residuals of the number's provenance class. The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction VISIONFPSRANGE
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES)
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param streams Camera streams sharing the NPU: a whole number from 1 to 16 streams; blank = 1
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param compiler_quality Compiler quality relative to TensorRT (1 = as good): greater than 0 and at most 10; blank = 1
 * @param with_header TRUE (default) to spill a header row above the values
 * @returns One row: low, expected, high FPS per stream (a header row above unless with_header is FALSE). Vision is not calibrated, so the band is the same on either basis.
 */
export function visionfpsrange(tier: string, pipeline: string, resolution?: string, streams?: number, npu_share?: number, memory?: string, precision_set?: string, compiler_quality?: number, with_header?: boolean): any[][] {
  return callSizer('VISIONFPSRANGE', [tier, pipeline, resolution, streams, npu_share, memory, precision_set, compiler_quality, with_header]) as any[][];
}

/**
 * Projects a VLA model on a tier: ms per action, action rate, memory, per camera and per fleet. The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction VLA
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param vla VLA model key or name (openvla_7b_single, nora_3b, bitvla, nora_1p5, pi_0p5, openvla_7b_cached)
 * @param field One VLA field to return; blank = the whole record as a header row and a value row
 * @param cameras Cameras per robot: a whole number from 0 to 16 cameras; blank = the model's camera count
 * @param fleet_size Robots sharing the chip: a whole number from 0 to 10000 robots; blank = 1
 * @param camera_mode native (each camera encoded) or stitched (one mosaic image); blank = native
 * @param dtype Execution dtype: bf16, fp8, int8 or int4; blank = the model's default path
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param vlm_hz VLM (perception) rate asked for, within the model's range; blank = its measured default (off the default the badge becomes a what-if)
 * @param action_hz Action rate asked for, within the model's range; blank = its measured default
 * @param target_action_hz A control-rate target; field target_exceeded says whether the projection misses it
 * @returns A header row and a value row, or the one field asked for (#N/A with the reason when the setup does not run).
 */
export function vla(tier: string, vla: string, field?: string, cameras?: number, fleet_size?: number, camera_mode?: string, dtype?: string, npu_share?: number, memory?: string, precision_set?: string, vlm_hz?: number, action_hz?: number, target_action_hz?: number): any[][] {
  return callSizer('VLA', [tier, vla, field, cameras, fleet_size, camera_mode, dtype, npu_share, memory, precision_set, vlm_hz, action_hz, target_action_hz]) as any[][];
}

/**
 * One platform-budget row (the columns of the budget CSV) for a vision or LLM workload slot on a tier.
 * @customfunction BUDGETROW
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param slot vision or llm
 * @param workload_name For vision: the pipeline. For llm: the quant (Q4_K_M, Q5_K_M, Q8_0)
 * @param resolution_or_workload For vision: resolution (default 1080p). For llm: workload pattern (default plain_chat)
 * @param streams_or_qpm For vision: streams (default 1). For llm: queries per minute (default 2; an empty cell gives 0 on Excel desktop, so leave the argument out for the default)
 * @param duty_or_answer For vision: duty cycle 0..1 (default 1; an empty cell gives 0 on Excel desktop, so leave the argument out for the default). For llm: answer kind short or rag (default short)
 * @param with_header TRUE (default) to spill a header row above the values
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns A 1 x 30 row, under a header row unless with_header is FALSE. A vision row is the same on either basis; an llm row's throughput, duty cycle, bandwidth, TOPS, power and per-token time follow the basis.
 */
export function budgetrow(tier: string, slot: string, workload_name: string, resolution_or_workload?: string, streams_or_qpm?: number, duty_or_answer?: any, with_header?: boolean, memory?: string, precision_set?: string, basis?: string, calibration?: any[][]): any[][] {
  return callSizer('BUDGETROW', [tier, slot, workload_name, resolution_or_workload, streams_or_qpm, duty_or_answer, with_header, memory, precision_set, basis, calibration]) as any[][];
}

/**
 * Share of NPU time an LLM answering queries takes (queries per second x answer time); above 1 the NPU is oversubscribed.
 * @customfunction DUTY
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param queries_per_minute LLM queries per minute: from 0 to 1000000 q/min; blank = 2
 * @param answer_kind Answer length: short (200 tokens, default) or rag (8K prompt + 2K answer)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param model LLM model key; blank = the Qwen3-30B-A3B perf reference (as the reference sizer does)
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns Duty cycle as a fraction (0.25 = a quarter of the time).
 */
export function duty(tier: string, queries_per_minute?: number, answer_kind?: string, quant?: string, workload?: string, model?: string, npu_share?: number, memory?: string, precision_set?: string, basis?: string, calibration?: any[][]): number {
  return callSizer('DUTY', [tier, queries_per_minute, answer_kind, quant, workload, model, npu_share, memory, precision_set, basis, calibration]) as number;
}

/**
 * Vision frames per second per stream left when an LLM answering queries time-slices the same NPU.
 * @customfunction FPSUNDERLLM
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES)
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param streams Camera streams sharing the NPU: a whole number from 1 to 16 streams; blank = 1
 * @param queries_per_minute LLM queries per minute: from 0 to 1000000 q/min; blank = 2
 * @param answer_kind Answer length: short (200 tokens, default) or rag (8K prompt + 2K answer)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param model LLM model key; blank = the Qwen3-30B-A3B perf reference (as the reference sizer does)
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns Frames per second per stream under the LLM load (0 when the LLM oversubscribes the NPU).
 */
export function fpsunderllm(tier: string, pipeline: string, resolution?: string, streams?: number, queries_per_minute?: number, answer_kind?: string, quant?: string, workload?: string, model?: string, npu_share?: number, memory?: string, precision_set?: string, basis?: string, calibration?: any[][]): number {
  return callSizer('FPSUNDERLLM', [tier, pipeline, resolution, streams, queries_per_minute, answer_kind, quant, workload, model, npu_share, memory, precision_set, basis, calibration]) as number;
}

/**
 * The full platform-budget matrix (every preset tier x pipeline x resolution x 1/2/4/8/16 streams, then the LLM rows) as one spill.
 * @customfunction MATRIX
 * @param with_header TRUE (default) to spill a header row above the values
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns About 2,250 rows x 28 columns, under a header row unless with_header is FALSE. On the calibrated basis the LLM rows follow it (their ids and columns unchanged); the vision rows are the same on either basis.
 */
export function matrix(with_header?: boolean, basis?: string, calibration?: any[][]): any[][] {
  return callSizer('MATRIX', [with_header, basis, calibration]) as any[][];
}

/**
 * The most camera streams (1 to 16) a tier runs a vision pipeline at, with every stream at or above a target FPS. The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction MAXSTREAMS
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label
 * @param resolution 720p, 1080p or 4K
 * @param target_fps Frames per second each stream needs: greater than 0 and at most 1000000 FPS
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param compiler_quality Compiler quality relative to TensorRT (1 = as good): greater than 0 and at most 10; blank = 1
 * @returns Stream count, 0 when even one stream misses the target.
 */
export function maxstreams(tier: string, pipeline: string, resolution: string, target_fps: number, npu_share?: number, memory?: string, precision_set?: string, compiler_quality?: number): number {
  return callSizer('MAXSTREAMS', [tier, pipeline, resolution, target_fps, npu_share, memory, precision_set, compiler_quality]) as number;
}

/**
 * The smallest preset tier of the ladder that meets a target decode tok/s for a model, or a target FPS per stream for a pipeline.
 * @customfunction MINTIER
 * @param metric tokps (then: model, quant, workload) or fps (then: pipeline, resolution, streams)
 * @param target Target tokens per second, or frames per second per stream
 * @param name Model (tokps) or pipeline (fps)
 * @param option1 Quant (tokps) or resolution (fps)
 * @param option2 Workload (tokps) or streams (fps)
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns The tier display name (#N/A when no preset tier meets the target). With tokps each tier's decode is on the basis; fps is the same on either basis.
 */
export function mintier(metric: string, target: number, name: string, option1?: string, option2?: any, npu_share?: number, basis?: string, calibration?: any[][]): string {
  return callSizer('MINTIER', [metric, target, name, option1, option2, npu_share, basis, calibration]) as string;
}

/**
 * Effective memory bandwidth (GB/s) a custom tier needs for a target decode tok/s, on the bandwidth-bound (cross-class) path. Reference basis only: the calibrated decode adds a per-token overhead, so it has no simple inverse; check a candidate with SIZER.TOKPS on a SIZER.CUSTOMTIER with basis "calibrated".
 * @customfunction REQUIREDBW
 * @param model LLM model key or label
 * @param quant Q4_K_M, Q5_K_M or Q8_0
 * @param target_tokps Decode tokens per second wanted: greater than 0 and at most 1000000 tok/s
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param silicon_class Silicon class of the custom tier (its decode realization and default share); blank = unknown
 * @param theoretical TRUE to return theoretical bandwidth (effective / the class's bandwidth efficiency)
 * @returns GB/s of effective (or theoretical) memory bandwidth.
 */
export function requiredbw(model: string, quant: string, target_tokps: number, workload?: string, npu_share?: number, silicon_class?: string, theoretical?: boolean): number {
  return callSizer('REQUIREDBW', [model, quant, target_tokps, workload, npu_share, silicon_class, theoretical]) as number;
}

/**
 * Average power of one device: TDP x the duty cycles of the workloads it runs, added and capped at 1 (the budget row's ss_power_avg_watts).
 * @customfunction AVGWATTS
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES); blank = no vision on the device
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param streams Camera streams sharing the NPU: a whole number from 1 to 16 streams; blank = 1
 * @param duty_cycle Share of time the NPU runs vision: from 0 to 1; blank = the time the LLM leaves (1 without an LLM)
 * @param queries_per_minute LLM queries per minute on the device (blank or 0 with no model = no LLM): from 0 to 1000000 q/min; blank = 2
 * @param answer_kind Answer length: short (200 tokens, default) or rag (8K prompt + 2K answer)
 * @param model LLM model key; blank = the Qwen3-30B-A3B perf reference (as SIZER.DUTY)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns Watts (#N/A for a custom tier without a TDP).
 */
export function avgwatts(tier: string, pipeline?: string, resolution?: string, streams?: number, duty_cycle?: number, queries_per_minute?: number, answer_kind?: string, model?: string, quant?: string, workload?: string, memory?: string, precision_set?: string, basis?: string, calibration?: any[][]): number {
  return callSizer('AVGWATTS', [tier, pipeline, resolution, streams, duty_cycle, queries_per_minute, answer_kind, model, quant, workload, memory, precision_set, basis, calibration]) as number;
}

/**
 * Energy one device uses in a year (average watts x hours a day x 365 / 1000) and what it costs at an electricity price.
 * @customfunction ENERGY
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES); blank = no vision on the device
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param streams Camera streams sharing the NPU: a whole number from 1 to 16 streams; blank = 1
 * @param duty_cycle Share of time the NPU runs vision: from 0 to 1; blank = the time the LLM leaves (1 without an LLM)
 * @param queries_per_minute LLM queries per minute on the device (blank or 0 with no model = no LLM): from 0 to 1000000 q/min; blank = 2
 * @param answer_kind Answer length: short (200 tokens, default) or rag (8K prompt + 2K answer)
 * @param model LLM model key; blank = the Qwen3-30B-A3B perf reference (as SIZER.DUTY)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param hours_per_day Hours a day the device runs: greater than 0 and at most 24 h; blank = 24
 * @param price_per_kwh Electricity price per kWh (any currency): from 0 to 1000000000000 per kWh; blank = no price (energy in kWh only)
 * @param field One field to return (avg_watts, hours_per_day, kwh_per_year, cost_per_year); blank = the whole record as a header row and a value row
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns avg_watts, hours_per_day, kwh_per_year and cost_per_year (blank without a price), or the one field asked for.
 */
export function energy(tier: string, pipeline?: string, resolution?: string, streams?: number, duty_cycle?: number, queries_per_minute?: number, answer_kind?: string, model?: string, quant?: string, workload?: string, hours_per_day?: number, price_per_kwh?: number, field?: string, memory?: string, precision_set?: string, basis?: string, calibration?: any[][]): any[][] {
  return callSizer('ENERGY', [tier, pipeline, resolution, streams, duty_cycle, queries_per_minute, answer_kind, model, quant, workload, hours_per_day, price_per_kwh, field, memory, precision_set, basis, calibration]) as any[][];
}

/**
 * Vision frames per second per watt of the tier's TDP (total FPS / TDP: frames per joule; a duty cycle scales FPS and power alike, so it cancels). The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.
 * @customfunction FPSPERWATT
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES)
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param streams Camera streams sharing the NPU: a whole number from 1 to 16 streams; blank = 1
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param compiler_quality Compiler quality relative to TensorRT (1 = as good): greater than 0 and at most 10; blank = 1
 * @returns Frames per second per watt (#N/A for a custom tier without a TDP).
 */
export function fpsperwatt(tier: string, pipeline: string, resolution?: string, streams?: number, npu_share?: number, memory?: string, precision_set?: string, compiler_quality?: number): number {
  return callSizer('FPSPERWATT', [tier, pipeline, resolution, streams, npu_share, memory, precision_set, compiler_quality]) as number;
}

/**
 * The procurement plan: a mixed workload (camera groups, an LLM assistant, on every site) tried on each candidate tier, one row per tier: feasible or why not, devices, binding constraint, headroom, capex, energy and TCO, the cheapest feasible tier marked.
 * @customfunction PLAN
 * @param requirements A table, one row per requirement, columns kind, name, option, amount, target, answer_kind (a "kind" header row is skipped): vision | pipeline | resolution (blank = default) | cameras per site | target FPS per stream; llm | model | quant (blank = default) | queries per minute per site (blank = default) | workload (blank = default) | answer kind (blank = default); sites | | | number of sites (one sites row; none = 1 site)
 * @param tiers Candidate tiers: a range of preset tier names or ids or SIZER.CUSTOMTIER texts; blank = every preset tier
 * @param prices A single unit price for every tier, or a two-column table of key and value: unit_price, price_per_kwh, years, hours_per_day, or a tier name with its own unit price; blank = no prices (devices and energy only)
 * @param with_header TRUE (default) to spill a header row above the values
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns One row per candidate tier (tier, feasible, verdict, why, devices_per_site, sites, total_devices, binding_constraint, fps_headroom, duty_headroom, memory_headroom_gb, llm_duty, avg_watts_per_site, unit_price, capex, energy_kwh_per_year, energy_cost_per_year, tco), under a header row unless with_header is FALSE.
 */
export function plan(requirements: any[][], tiers?: any[][], prices?: any[][], with_header?: boolean, basis?: string, calibration?: any[][]): any[][] {
  return callSizer('PLAN', [requirements, tiers, prices, with_header, basis, calibration]) as any[][];
}

/**
 * Total cost of ownership of devices that all run the same workloads: unit price x devices + energy cost a year x years (no discounting or maintenance).
 * @customfunction TCO
 * @param unit_price Price of one device (any currency): from 0 to 1000000000000
 * @param devices Devices bought: a whole number from 1 to 1000000 devices
 * @param years Years they run: greater than 0 and at most 100 years
 * @param price_per_kwh Electricity price per kWh, in the same currency: from 0 to 1000000000000 per kWh
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param pipeline Vision pipeline key or label (see SIZER.PIPELINES); blank = no vision on the device
 * @param resolution Camera resolution: 720p, 1080p (default) or 4K
 * @param streams Camera streams sharing the NPU: a whole number from 1 to 16 streams; blank = 1
 * @param duty_cycle Share of time the NPU runs vision: from 0 to 1; blank = the time the LLM leaves (1 without an LLM)
 * @param queries_per_minute LLM queries per minute on the device (blank or 0 with no model = no LLM): from 0 to 1000000 q/min; blank = 2
 * @param answer_kind Answer length: short (200 tokens, default) or rag (8K prompt + 2K answer)
 * @param model LLM model key; blank = the Qwen3-30B-A3B perf reference (as SIZER.DUTY)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param hours_per_day Hours a day the device runs: greater than 0 and at most 24 h; blank = 24
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns The total cost, in the currency of the prices (#N/A for a custom tier without a TDP).
 */
export function tco(unit_price: number, devices: number, years: number, price_per_kwh: number, tier: string, pipeline?: string, resolution?: string, streams?: number, duty_cycle?: number, queries_per_minute?: number, answer_kind?: string, model?: string, quant?: string, workload?: string, hours_per_day?: number, memory?: string, precision_set?: string, basis?: string, calibration?: any[][]): number {
  return callSizer('TCO', [unit_price, devices, years, price_per_kwh, tier, pipeline, resolution, streams, duty_cycle, queries_per_minute, answer_kind, model, quant, workload, hours_per_day, memory, precision_set, basis, calibration]) as number;
}

/**
 * LLM decode tokens per second per watt of the tier's TDP (tokens per joule while answering; the duty cycle cancels).
 * @customfunction TOKPSPERWATT
 * @param tier Preset tier by name or id (imx95, low-lp5-64bit, low-lp5x, mid, high, rtx5090; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER
 * @param model LLM model key; blank = the Qwen3-30B-A3B perf reference (as SIZER.DUTY)
 * @param quant Quant: Q4_K_M (default), Q5_K_M or Q8_0
 * @param workload Workload pattern (see SIZER.WORKLOADS); blank = plain_chat
 * @param npu_share Share of the NPU this workload gets (tier defaults: 0.75; 1 for RTX 5090 (reference, measured)): greater than 0 and at most 1; blank = the tier's default share
 * @param memory Memory upgrade for NPU Mid and NPU High (LPDDR5T @ 11.2 GT/s, LPDDR6 @ 12 GT/s or LPDDR6 @ 14 GT/s, or its id); blank = stock memory
 * @param precision_set Precision set for NPU Mid and NPU High: int8, int8_fp8 or int8_fp8_fp4; blank = stock
 * @param basis Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)
 * @param calibration Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("published" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated
 * @returns Decode tok/s per watt (#N/A behind the dtype gate or for a custom tier without a TDP).
 */
export function tokpsperwatt(tier: string, model?: string, quant?: string, workload?: string, npu_share?: number, memory?: string, precision_set?: string, basis?: string, calibration?: any[][]): number {
  return callSizer('TOKPSPERWATT', [tier, model, quant, workload, npu_share, memory, precision_set, basis, calibration]) as number;
}

/**
 * The SIZER add-in version, build and catalog version, for the trace column of a procurement model.
 * @customfunction VERSION
 * @returns Text such as "SIZER 0.0.0-dev (abc1234), catalog 2026.11.29".
 */
export function version(): string {
  return callSizer('VERSION', []) as string;
}
