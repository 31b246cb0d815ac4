/**
 * A sheet model as CSV: title and notes as '#' comment lines (pandas: comment='#'), the column keys
 * as the header, then the rows. Quoting as Python's csv module does it (only when needed).
 */
import type { CellValue, SheetModel } from '../../report';

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function format(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export function sheetToCsv(model: SheetModel, provenance: readonly string[]): string {
  const lines = [`# ${model.title}`, ...model.notes.map((n) => `# ${n}`), ...provenance.map((p) => `# ${p}`), '#'];
  lines.push(model.columns.map((c) => quote(c.key)).join(','));
  for (const row of model.rows) lines.push(row.map((v) => quote(format(v))).join(','));
  return lines.join('\r\n') + '\r\n';
}
