/**
 * The example rows the calibration sheet starts with: a few rows of SIZER's own validation set
 * (data/validation/rows.json), read from it (never retyped), marked as examples with their citation,
 * for the user to replace with their own lab rows. Only the task pane's sheet writer and tests read
 * this module, so the validation set stays out of the worksheet functions' bundle.
 */
import validationJson from '../../data/validation/rows.json';
import { parseValidationFile, type ValidationRow } from '../engine';
import { CALIBRATION_TABLE_COLUMNS, type CalibrationCell } from './calibration-table';

/** Three memory systems (GDDR6X, LPDDR5X unified, a 32-bit LPDDR4X single-board computer), dense and MoE. */
export const CALIBRATION_EXAMPLE_IDS = ['xd-4090-l3-8b-q4km', 'lhl-strix-qwen3-30b-a3b', 'jg-pi5-qwen3-30b-a3b'] as const;

/** What the device cell of an example row starts with. */
export const EXAMPLE_MARK = 'EXAMPLE';

export function calibrationExampleSourceRows(): ValidationRow[] {
  const rows = parseValidationFile(validationJson, 'data/validation/rows.json');
  return CALIBRATION_EXAMPLE_IDS.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new Error(`calibration example ${id} is not in data/validation/rows.json`);
    return row;
  });
}

/** The example rows in the order of CALIBRATION_TABLE_COLUMNS. */
export function calibrationExampleRows(): CalibrationCell[][] {
  return calibrationExampleSourceRows().map((row) => {
    const cells: Record<string, CalibrationCell> = {
      device: `${EXAMPLE_MARK}: ${row.device}`,
      mem_bandwidth_gbs: row.memory.peakGbs,
      mem_bus_width_bits: row.memory.busWidthBits,
      mem_type: row.memory.type,
      active_params_b: row.model.activeParamsB,
      total_params_b: row.model.totalParamsB,
      is_moe: row.model.isMoe,
      bits_per_weight: row.model.bitsPerWeight,
      context_tokens: row.contextTokens,
      decode_tok_s: row.decodeTokS,
      note: `Example from SIZER's validation set (${row.id}; ${row.model.name} ${row.model.quant}, ${row.runtime.name} ${row.runtime.version}, ${row.method}), source: ${row.citation}. Replace it with your own rows.`,
    };
    return CALIBRATION_TABLE_COLUMNS.map((c) => cells[c.key] ?? null);
  });
}
