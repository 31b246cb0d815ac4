/**
 * The README's `sizer query` examples show what the command prints: each `$ echo '<json>' | node dist/cli.js
 * query [flags]` line is run against the built CLI (npm test builds first) and its output must be the
 * README's next line, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
const EXAMPLE = /^\$ echo '(.*)' \| node dist\/cli\.js query((?: --[a-z-]+)*)$/;

const examples = lines.flatMap((line, i) => {
  const m = EXAMPLE.exec(line);
  return m ? [{ input: m[1] as string, flags: (m[2] ?? '').trim().split(/\s+/).filter((f) => f !== ''), shown: lines[i + 1] ?? '' }] : [];
});

describe('README query examples', () => {
  it('has some', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((e) => [`${e.input} ${e.flags.join(' ')}`, e] as const))('%s prints what the README shows', (_name, e) => {
    const printed = execFileSync(process.execPath, [CLI, 'query', ...e.flags], { input: `${e.input}\n`, encoding: 'utf8' });
    expect(printed.trimEnd()).toBe(e.shown);
  });
});
