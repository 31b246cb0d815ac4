/**
 * The README shows the accuracy table `npm run accuracy` writes to docs/accuracy.md; the README's copy
 * must be that table, row for row, so the figures a buyer reads are the ones the script measured.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** The rows of the first table whose header starts with "| Basis |". */
function basisTable(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| Basis |'));
  if (start < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

describe('README accuracy table', () => {
  it('is the table docs/accuracy.md was generated with', () => {
    const generated = basisTable(read('docs/accuracy.md'));
    expect(generated.length).toBeGreaterThan(3);
    expect(basisTable(read('README.md'))).toEqual(generated);
  });
});
