/**
 * `sizer --help`, rendered from the catalog: tier ids, memory upgrades, precision sets, quants,
 * resolutions and the export defaults are read from data/, never retyped.
 */
import { type Catalog, DEFAULT_BASIS, ladderTierIds, listText, memoryUpgradeLabels, memoryUpgradeTierNames, precisionSetIds, precisionSetTierNames, PROJECTION_BASES, quantKeys, renderText, resolutionNames } from '../engine';
import { defaultConfig, SHEET_IDS } from '../report';
import { QUERY_KINDS } from './kinds';

export function renderHelp(catalog: Catalog): string {
  const kindLines = QUERY_KINDS.map((k) => `    ${k.kind.padEnd(12)}${renderText(k.help, catalog)}`).join('\n');
  const registryOnly = catalog.tiers.filter((t) => !t.inLadder).map((t) => t.id);
  const d = defaultConfig(catalog);
  return `sizer: size edge-AI silicon from the command line (the SIZER for Excel engine).

Usage:
  sizer query [--anchors FILE] [--calibration FILE] [--no-explanation]   answer JSON queries read from standard input
  sizer calibrate FILE                          refit the calibrated basis to your lab rows; print it
  sizer export <sheet>|workbook --format xlsx|csv --out FILE|-   write sheets (see below)
  sizer export procurement --requirements FILE --format xlsx|csv --out FILE|-   the procurement plan
  sizer --version | --help

sizer query
  One JSON object per line in, one JSON object per line out, each carrying the query's "id".
  "kind" is one of:
${kindLines}
  Hardware, in every kind: "tier" (a preset by name or id: ${[...ladderTierIds(catalog), ...registryOnly].join(', ')})
  or "custom" (silicon_class, peak_tops_int8/bf16/fp8/fp4,
  mem_bandwidth_gbs, mem_capacity_gb, mem_bus_width_bits, mem_type, mem_data_rate_gtps,
  npu_precision_set, compute_efficiency, bandwidth_efficiency, tdp_watts); optional "memory" (a
  memory upgrade of ${listText(memoryUpgradeTierNames(catalog), 'and')}: ${listText(memoryUpgradeLabels(catalog))}, or its id)
  and "precision_set" (${precisionSetIds(catalog).join('|')}, ${listText(precisionSetTierNames(catalog), 'and')}).
  Omitted or null fields take the reference defaults.
  A line that cannot be answered gets {"id": ..., "error": {"code": ..., "message": ...}} and the run
  goes on; codes: invalid_json, missing_field, invalid_input, unknown_name, not_whole, out_of_range,
  not_applicable, unknown_kind. docs/query-kinds.md describes every kind's fields.

  --anchors FILE  private measured-silicon anchors (TOML in the secrets.toml shape, or JSON; see
                  data/anchors.example.json). They become the top layer for anchored LLM and CNN
                  cells (badge measured_silicon_anchor). Their values are never printed in errors.

  --no-explanation  numbers only: every answer without its "explanation" (the prose saying how
                  the number was derived, about 1.2 KB a line), which is then never built; the
                  other fields are unchanged. For bulk runs.

  --calibration FILE  your own lab measurements (JSON: an array of rows, or {"rows": [...]}, each with
                  mem_bandwidth_gbs or mem_bus_width_bits + mem_data_rate_gtps, mem_type,
                  active_params_b, bytes_per_param, decode_tok_s; optional total_params_b, is_moe,
                  num_layers, hidden_dim, kv_head_ratio, context_tokens, device). The calibrated basis
                  ("basis": "calibrated") is refitted to them from the shipped constants; at least 3 rows.

  Example:
    echo '{"id":1,"kind":"llm","tier":"mid","quant":"Q4_K_M"}' | sizer query

sizer export <sheet>|workbook --format xlsx|csv --out FILE|-
  Sheets: ${SHEET_IDS.join(', ')};
  "workbook" writes all of them to one .xlsx (an Excel table per
  sheet, number formats, frozen header, widths, badge colours). CSV writes one sheet with its title,
  notes and caveats as '#' lines (pandas: read_csv(path, comment='#')); "matrix" as CSV is the
  reference's platform-budget layout: every ladder tier x pipeline x resolution x {1,2,4,8,16} streams,
  then every tier x quant x workload x answer kind. Files are written whole or not at all.
  Configuration (defaults as the reference tool: ${d.tier}, ${d.vision.pipeline} at ${d.vision.resolution}, ${d.llm.model}):
    --tier NAME | --custom "custom: ..." (see SIZER.CUSTOMTIER)   --memory NAME   --precision-set SET
    --npu-share 0..1   --pipeline KEY   --resolution ${resolutionNames(catalog).join('|')}   --streams N   --compiler-quality Q
    --model KEY   --quant ${quantKeys(catalog).join('|')}   --workload KEY   --qpm N   --answer-kind short|rag
    --fp4-maturity mature|immature   --vla KEY   --cameras N   --fleet N   --camera-mode native|stitched
    --no-vision   --no-llm   --with-vla   --anchors FILE (private anchors: only then do they reach the file)
    --duty 0..1   the vision row's duty cycle in the platform budget (this-config, workbook; default 1)
    --basis ${PROJECTION_BASES.join('|')}   the basis of LLM decode (default ${DEFAULT_BASIS}); every sheet states its basis in its notes
  As the reference's exporters:
    --no-header-comments   CSV without its '#' lines      --list   print the pipelines and tiers, write nothing
  "matrix" takes only --format, --out, --anchors, --no-header-comments, --list and --basis: it is always
  the reference's full matrix, so a sizing option (--qpm, --no-llm, ...) is refused rather than ignored.

sizer export procurement --requirements FILE --format xlsx|csv --out FILE|-
  The procurement plan (SIZER.PLAN's rows, one per candidate tier, with a capex and TCO chart in
  xlsx) for a JSON requirements file: {"requirements": [rows], "tiers": [names], "prices": {...}},
  the rows and prices as in the plan query kind above. Every bad row is named before anything is
  written. Rules: docs/decisions/0027-procurement-plan.md.
`;
}
