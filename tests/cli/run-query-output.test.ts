/**
 * What `sizer query` writes is JSON.stringify of each answer, byte for byte, whichever way the runner
 * serialises it (run-query.ts writes a long explanation that needs no escape without JSON's escaper):
 * explanations with and without characters to escape, last field or not, non-ASCII text, errors.
 */
import { Readable, Writable } from 'node:stream';
import { answerLine } from '../../src/cli/query';
import { runQueries } from '../../src/cli/run-query';
import { testEngine } from '../helpers/engine';

const custom = (name: string) => ({ name, silicon_class: 'lp5x_128', peak_tops_int8: 100, mem_capacity_gb: 16, mem_bus_width_bits: 96, mem_data_rate_gtps: 8.533, mem_type: 'LPDDR5X' });

const LINES = [
  { id: 'plain', kind: 'vision', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip' },
  // The tier's name is in the explanation: a quote, a backslash, a control character, a lone surrogate and non-ASCII text.
  { id: 'quote', kind: 'vision', custom: custom('My "fast" box'), pipeline: 'trt_fp8_1hz_clip' },
  { id: 'backslash', kind: 'llm', custom: custom('C:\\npu') },
  { id: 'tab', kind: 'llm', custom: custom('a\tb') },
  { id: 'surrogate', kind: 'vision', custom: custom('x\ud800y'), pipeline: 'trt_fp8_1hz_clip' },
  { id: 'unicode', kind: 'vision', custom: custom('Caf\u00e9 \u{1f680} NPU'), pipeline: 'trt_fp8_1hz_clip' },
  // Explanation not the last field (the basis fields follow it), and last (vla).
  { id: 'basis', kind: 'llm', tier: 'NPU Mid', basis: 'calibrated' },
  { id: 'vla', kind: 'vla', tier: 'NPU High', vla: 'nora_3b' },
  { id: 'error', kind: 'vision', tier: 'NPU Giga', pipeline: 'trt_fp8_1hz_clip' },
  { id: 'duty', kind: 'duty', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip' },
  // The id is written in front of the result without copying it: every kind of id JSON can carry.
  { id: 7, kind: 'vision', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip' },
  { id: -0, kind: 'vision', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip' },
  { id: 2.5e21, kind: 'llm', tier: 'NPU Mid' },
  { id: 'q"uote\u2028', kind: 'llm', tier: 'NPU Mid' },
  { id: null, kind: 'llm', tier: 'NPU Mid' },
  { kind: 'llm', tier: 'NPU Mid' },
  { id: { not: 'an id' }, kind: 'llm', tier: 'NPU Mid' },
].map((q) => JSON.stringify(q));

async function run(lines: readonly string[]): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await runQueries(testEngine(), Readable.from([lines.join('\n') + '\n']), sink);
  return Buffer.concat(chunks).toString('utf8');
}

describe('sizer query output', () => {
  it('is JSON.stringify of every answer, one per line', async () => {
    const expected = LINES.map((line) => JSON.stringify(answerLine(testEngine(), line)) + '\n').join('');
    expect(await run(LINES)).toBe(expected);
  });

  it('escapes what the explanation needs escaped', async () => {
    const out = (await run(LINES)).split('\n');
    const quoted = out.find((l) => l.startsWith('{"id":"quote"')) ?? '';
    expect(quoted).toContain('My \\"fast\\" box');
    expect(out.find((l) => l.startsWith('{"id":"surrogate"'))).toContain('x\\ud800y');
    expect((JSON.parse(quoted) as { explanation: string }).explanation).toContain('My "fast" box');
  });
});
