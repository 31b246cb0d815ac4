/**
 * A jest reporter that ends `npm test` with one line saying which reference parity sets ran, and which
 * were skipped and why. Jest itself drops the console message of a test file whose tests were all
 * skipped, so without this a run without ../shared/reference looks like a full pass.
 * Reads the results of tests/parity/reference.test.ts; says nothing when that file was not in the run.
 */
const { existsSync } = require('node:fs');
const path = require('node:path');

const PARITY_FILE = path.join('tests', 'parity', 'reference.test.ts');
const REFERENCE_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference');
const SET_TITLE = /^(\S+)\.jsonl: every cell matches$/;

/** The set's name ("vision"), or "matrix" for the full-matrix test. */
function setName(title) {
  const match = SET_TITLE.exec(title);
  return match ? match[1] : /matrix/.test(title) ? 'matrix' : title;
}

class ParityReporter {
  onRunComplete(_contexts, results) {
    const file = results.testResults.find((r) => r.testFilePath.endsWith(PARITY_FILE));
    if (!file) return;
    const ran = [];
    const failed = [];
    const skipped = [];
    for (const test of file.testResults) {
      const name = setName(test.title);
      if (test.status === 'passed') ran.push(name);
      else if (test.status === 'failed') failed.push(name);
      else skipped.push(name);
    }
    const why = existsSync(path.join(REFERENCE_DIR, 'parity')) ? 'skipped by the test run (a filter or .skip)' : `${REFERENCE_DIR} not found`;
    const parts = [
      `ran ${ran.length + failed.length} (${[...ran, ...failed].join(', ') || 'none'})${failed.length ? `, ${failed.length} failed (${failed.join(', ')})` : ''}`,
      skipped.length ? `skipped ${skipped.length} (${skipped.join(', ')}): ${why}` : 'skipped none',
    ];
    process.stdout.write(`\nreference parity sets: ${parts.join('; ')}\n`);
  }
}

module.exports = ParityReporter;
