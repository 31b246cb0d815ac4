/**
 * docs/query-kinds.md is generated from the kinds registry and the kinds' schemas (src/cli/kinds-doc.ts;
 * tests/functions/generated.test.ts fails when the committed file is stale). Here: it has a section for
 * every kind `sizer query` accepts, each kind gives the generator its schema, and a section lists the
 * fields the parser really takes (checked against lines the parser accepts and refuses).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUERY_KINDS } from '../../src/cli/kinds';
import { answerLine } from '../../src/cli/query';
import { testEngine } from '../helpers/engine';

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'query-kinds.md'), 'utf8');

function section(kind: string): string {
  const start = DOC.indexOf(`\n## \`${kind}\`\n`);
  if (start < 0) return '';
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

describe('docs/query-kinds.md', () => {
  it.each(QUERY_KINDS.map((k) => [k.kind]))('has a section for kind %s, from its schema', (kind) => {
    expect(QUERY_KINDS.find((k) => k.kind === kind)?.schema).toBeDefined();
    expect(section(kind)).not.toBe('');
  });

  it('lists the vision fields the parser takes, and no others', () => {
    const fields = [...section('vision').matchAll(/^\| `([a-z_.]+)` \|/gm)].map((m) => m[1]);
    expect(fields).toEqual(['pipeline', 'resolution', 'streams', 'npu_share', 'compiler_quality']);
    const engine = testEngine();
    const base = { id: 1, kind: 'vision', tier: 'mid', pipeline: 'trt_fp8_1hz_clip' };
    expect(answerLine(engine, JSON.stringify({ ...base, compiler_quality: 1 }))).not.toHaveProperty('error');
    expect(answerLine(engine, JSON.stringify({ ...base, cameras: 1 }))).toHaveProperty('error.code', 'invalid_input');
  });

  it('documents the config kind with its nested slots', () => {
    expect(section('config')).toMatch(/\| `vision\.streams` \| {2}\| number \| 1\.\.16, whole streams; default 1 \|/);
    expect(section('config')).toMatch(/\| `llm\.answer_kind` \| {2}\| one of `short`, `rag` \|/);
  });
});
