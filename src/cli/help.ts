import { QUERY_KINDS } from './kinds';

const kindLines = QUERY_KINDS.map((k) => `    ${k.kind.padEnd(12)}${k.help}`).join('\n');

export const HELP = `sizer: size edge-AI silicon from the command line (the SIZER for Excel engine).

Usage:
  sizer query [--anchors FILE]                  answer JSON queries read from standard input
  sizer export <sheet>|workbook --format xlsx|csv --out FILE|-   write sheets (see below)
  sizer --version | --help

sizer query
  One JSON object per line in, one JSON object per line out, each carrying the query's "id".
  "kind" is one of:
${kindLines}
  Hardware, in every kind: "tier" (a preset: "NPU Mid" or mid, high, imx95, low-lp5-64bit, low-lp5x,
  rtx5090, low-lp4, low-lp5-32bit, imx93) or "custom" (silicon_class, peak_tops_int8/bf16/fp8/fp4,
  mem_bandwidth_gbs, mem_capacity_gb, mem_bus_width_bits, mem_type, mem_data_rate_gtps,
  npu_precision_set, compute_efficiency, bandwidth_efficiency, tdp_watts); optional "memory" (a
  memory upgrade such as "LPDDR6 @ 14 GT/s" or lpddr6-14) and "precision_set" (int8|int8_fp8|
  int8_fp8_fp4, NPU Mid and High). Omitted or null fields take the reference defaults.
  A line that cannot be answered gets {"id": ..., "error": {"code": ..., "message": ...}} and the run
  goes on; codes: invalid_json, missing_field, invalid_input, unknown_name, not_whole, out_of_range,
  not_applicable, unknown_kind. docs/query-kinds.md describes every kind's fields.

  --anchors FILE  private measured-silicon anchors (TOML in the secrets.toml shape, or JSON; see
                  data/anchors.example.json). They become the top layer for anchored LLM and CNN
                  cells (badge measured_silicon_anchor). Their values are never printed in errors.

  Example:
    echo '{"id":1,"kind":"llm","tier":"mid","quant":"Q4_K_M"}' | sizer query

sizer export <sheet>|workbook --format xlsx|csv --out FILE|-
  Sheets: this-config, kpi, matrix, cross-tier-vision, cross-tier-llm, cross-tier-vla, cross-model,
  stream-scaling, duty-curve, reference; "workbook" writes all of them to one .xlsx (an Excel table per
  sheet, number formats, frozen header, widths, badge colours). CSV writes one sheet with its title,
  notes and caveats as '#' lines (pandas: read_csv(path, comment='#')); "matrix" as CSV is the
  reference's platform-budget layout: every ladder tier x pipeline x resolution x {1,2,4,8,16} streams,
  then every tier x quant x workload x answer kind. Files are written whole or not at all.
  Configuration (defaults as the reference tool: NPU High, trt_fp8_1hz_clip at 1080p, skippy_7b_v4):
    --tier NAME | --custom "custom: ..." (see SIZER.CUSTOMTIER)   --memory NAME   --precision-set SET
    --npu-share 0..1   --pipeline KEY   --resolution 720p|1080p|4K   --streams N   --compiler-quality Q
    --model KEY   --quant Q4_K_M|Q5_K_M|Q8_0   --workload KEY   --qpm N   --answer-kind short|rag
    --fp4-maturity mature|immature   --vla KEY   --cameras N   --fleet N   --camera-mode native|stitched
    --no-vision   --no-llm   --with-vla   --anchors FILE (private anchors: only then do they reach the file)
`;
