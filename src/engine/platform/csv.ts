/**
 * Platform-budget rows as CSV: the caveats as '#' comment lines (pandas: comment='#'), the header,
 * then one line per row; quoting as Python's csv module does it (only when needed).
 */
import type { Catalog } from '../catalog/load';
import { type BudgetRow, formatBudgetCell } from './budget';

/** Quotes a CSV cell only when it needs it (comma, quote or line break), as Python's csv module does. */
export function csvQuote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export interface CsvProvenance {
  /** Build or commit identifier written in sizer_commit_sha ("unknown" when there is none). */
  readonly commitSha: string;
  /** Export time, UTC ISO-8601 to the second. */
  readonly exportTimestampIso: string;
}

function budgetCsvHeaderLines(catalog: Catalog, notes: readonly string[]): string[] {
  const file = catalog.files['platform-budget.json'];
  return [`# ${file.title} (catalog ${catalog.version})`, ...file.caveats.map((line) => (line === '' ? '#' : `# ${line}`)), ...notes.map((line) => `# ${line}`), '#'];
}

/** `notes`: more caveat lines after the catalog's (the basis the rows are on), in the same '#' block. */
export function budgetRowsToCsv(catalog: Catalog, rows: readonly BudgetRow[], provenance: CsvProvenance, withHeader = true, notes: readonly string[] = []): string {
  const columns = catalog.files['platform-budget.json'].columns;
  const lines = withHeader ? budgetCsvHeaderLines(catalog, notes) : [];
  lines.push(columns.map((c) => c.name).join(','));
  const extra: Record<string, string> = { sizer_commit_sha: provenance.commitSha, export_timestamp_iso: provenance.exportTimestampIso };
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => csvQuote(extra[c.name] ?? formatBudgetCell(row[c.name] ?? null, c.kind)))
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
