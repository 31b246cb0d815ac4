/**
 * A sheet model as CSV: title and notes as '#' comment lines (pandas: comment='#'), the column keys
 * as the header, then the rows. Quoting as Python's csv module does it (only when needed).
 */
import { csvQuote } from '../../engine';
import type { CellValue, SheetModel } from '../../report';


function format(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export function sheetToCsv(model: SheetModel, provenance: readonly string[], headerComments = true): string {
  const lines = headerComments ? [`# ${model.title}`, ...model.notes.map((n) => `# ${n}`), ...provenance.map((p) => `# ${p}`), '#'] : [];
  lines.push(model.columns.map((c) => csvQuote(c.key)).join(','));
  for (const row of model.rows) lines.push(row.map((v) => csvQuote(format(v))).join(','));
  return lines.join('\r\n') + '\r\n';
}
