/** The query runner's output buffer: lines encoded as UTF-8 as they come, handed on in order. */
import { Utf8Lines } from '../../src/cli/utf8-lines';

describe('Utf8Lines', () => {
  it('gives the lines pushed since the last take, each with a line feed, as UTF-8', () => {
    const out = new Utf8Lines();
    expect(out.take()).toBeNull();
    out.pushLine('{"a":1}');
    out.pushLine('caf\u00e9 \u{1f680} \u00d7');
    expect(out.take()?.toString('utf8')).toBe('{"a":1}\ncaf\u00e9 \u{1f680} \u00d7\n');
    expect(out.take()).toBeNull();
    out.pushLine('');
    expect(out.take()?.toString('utf8')).toBe('\n');
  });

  it('keeps bytes already taken intact when later lines follow, also across a new block', () => {
    const out = new Utf8Lines();
    out.pushLine('first');
    const first = out.take();
    // Longer than a block (1 MiB): a block of its own; two-byte characters count as such.
    const long = '\u00e9'.repeat(700_000);
    out.pushLine('second');
    out.pushLine(long);
    out.pushLine('third');
    const rest = out.take();
    expect(first?.toString('utf8')).toBe('first\n');
    expect(rest?.toString('utf8')).toBe(`second\n${long}\nthird\n`);
    expect(rest?.length).toBe('second\n'.length + 1_400_000 + 1 + 'third\n'.length);
  });
});
