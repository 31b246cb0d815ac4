/**
 * docs/reference-coverage.md names every feature of the reference's feature inventory
 * (../shared/reference/FEATURES.md §1–§5), one line each, and no line calls a feature missing.
 * The features are read from FEATURES.md at test time (the rule is the one the document states);
 * without the reference checkout the inventory check is skipped, and says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR } from '../helpers/reference';

const COVERAGE = readFileSync(join(__dirname, '..', '..', 'docs', 'reference-coverage.md'), 'utf8');
const FEATURES_PATH = join(REFERENCE_DIR, 'FEATURES.md');
const HAS_FEATURES = existsSync(FEATURES_PATH);

/** The tables whose rows are features, and the column that names the feature. */
const FEATURE_TABLES: Readonly<Record<string, readonly string[]>> = { '1.1': ['Label', 'Popover'], '1.2': ['Label'], '2.4': ['source'], '2.11': ['#'] };

/**
 * The features of FEATURES.md §1–§5: every subsection (as "§x.y"), every numbered or bulleted item
 * that starts with a bold name, and the named column of the feature tables above.
 */
function featuresOf(markdown: string): string[] {
  const features: string[] = [];
  let section: number | null = null;
  let subsection: string | null = null;
  let header: string[] | null = null;
  for (const line of markdown.split('\n')) {
    const h2 = /^## (\d+)\./.exec(line);
    if (h2) {
      section = Number(h2[1]);
      subsection = null;
      continue;
    }
    if (section === null || section < 1 || section > 5) continue;
    const h3 = /^### (\d+\.\d+)\s/.exec(line);
    if (h3) {
      subsection = h3[1]!;
      features.push(`§${subsection}`);
      header = null;
      continue;
    }
    const bold = /^(?:\d+\.|\*)\s+\*\*([^*]+)\*\*/.exec(line);
    if (bold) {
      features.push(bold[1]!.trim());
      continue;
    }
    if (!line.startsWith('|')) {
      header = null;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    if (header === null) {
      header = cells;
      continue;
    }
    const wanted = subsection === null ? undefined : FEATURE_TABLES[subsection];
    if (!wanted) continue;
    const column = header.findIndex((h) => wanted.includes(h));
    const value = column < 0 ? '' : (cells[column] ?? '').replace(/`/g, '').trim();
    if (value) features.push(value);
  }
  return [...new Set(features)];
}

const plain = (text: string): string => text.replace(/`/g, '').toLowerCase();

if (!HAS_FEATURES) console.warn(`reference coverage: ${FEATURES_PATH} not found, the inventory check is SKIPPED (the document's own checks still ran)`);

describe('docs/reference-coverage.md', () => {
  (HAS_FEATURES ? it : it.skip)('names every feature of FEATURES.md §1–§5', () => {
    const features = featuresOf(readFileSync(FEATURES_PATH, 'utf8'));
    // A reading rule broken by a reformatted inventory must not pass by finding nothing.
    expect(features.length).toBeGreaterThan(100);
    expect(features).toEqual(expect.arrayContaining(['§1.1', '§5.2', 'NPU tier', 'Precision what-if', 'E4', 'same_class_anchor', 'Onscreen KPI row']));
    const text = plain(COVERAGE);
    expect(features.filter((f) => !text.includes(plain(f)))).toEqual([]);
  });

  it('has one line per feature and none of them calls a feature missing', () => {
    const lines = COVERAGE.split('\n').filter((l) => l.startsWith('- '));
    expect(lines.length).toBeGreaterThan(100);
    expect(COVERAGE.split('\n').filter((l) => /\bmissing\b|not (yet )?(present|implemented)|\bTODO\b/i.test(l))).toEqual([]);
    // Every feature line says where the feature lives or why it does not apply.
    expect(lines.filter((l) => !/: \S/.test(l))).toEqual([]);
  });

  it('names every sheet the CLI can export', async () => {
    const { SHEET_IDS } = await import('../../src/report');
    const named = ['precision', 'performance', 'accuracy', 'dram', 'workload-mix', 'kpi-summary', 'cross-pipeline', 'cross-model-vla'];
    for (const id of named) {
      expect(SHEET_IDS).toContain(id);
      expect(COVERAGE).toContain(id);
    }
  });
});
