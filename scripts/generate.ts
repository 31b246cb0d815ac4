/**
 * `npm run generate` (run by tsx; also run before every build): writes the files generated from the
 * function registry (src/functions/codegen/outputs.ts), rewriting only those whose text changed.
 *
 *   tsx scripts/generate.ts           write each stale file and name it
 *   tsx scripts/generate.ts --check   write nothing; exit 1 naming each stale file. `npm test` runs this
 *                                     first: its build regenerates the files, which would hide a stale one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { staleGeneratedFiles } from '../src/functions/codegen/outputs';

const ROOT = join(__dirname, '..');
const checkOnly = process.argv.slice(2).includes('--check');

const stale = staleGeneratedFiles((path) => {
  const absolute = join(ROOT, path);
  return existsSync(absolute) ? readFileSync(absolute, 'utf8') : null;
});

if (checkOnly) {
  for (const file of stale) console.error(file.message);
  process.exitCode = stale.length > 0 ? 1 : 0;
} else {
  for (const file of stale) {
    writeFileSync(join(ROOT, file.path), file.wanted);
    console.log(`generated ${file.path}`);
  }
}
