/** Streams query lines from an input to an output, buffering writes so large runs stay fast. */
import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../engine';
import { type AnswerOptions, answerLineOutcome, type QueryResult } from './query';
import { DEFAULT_ANSWER_OPTIONS } from './kinds/common';
import { Utf8Lines } from './utf8-lines';

export interface QueryRunSummary {
  readonly answered: number;
  readonly failed: number;
}

function write(out: Writable, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(bytes)) {
      resolve();
      return;
    }
    const onError = (error: Error): void => {
      out.off('drain', onDrain);
      reject(error);
    };
    const onDrain = (): void => {
      out.off('error', onError);
      resolve();
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}

/**
 * Line breaks as node:readline (with crlfDelay Infinity) counts them, which this runner used before:
 * CRLF, LF, or a lone CR.
 */
const LINE_BREAK = /\r\n|\n|\r/;

/** The characters JSON.stringify writes as escapes (a surrogate may be a lone one, which it escapes too). */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Explanations are about 1.2 KB; below this a string is not worth the detour. */
const LONG_TEXT = 256;

/**
 * JSON.stringify(answer), byte for byte, for an answer of this run (a fresh object, changed here). JSON's
 * escaper copies a string character by character, and most answers end with 1.2 KB of prose that has
 * nothing to escape, which one regular-expression scan shows: then the rest goes through JSON.stringify
 * and the explanation is put between quotes as it is. Anything else is JSON.stringify's alone.
 */
function answerJson(answer: Record<string, unknown>): string {
  const explanation = answer.explanation;
  if (typeof explanation !== 'string' || explanation.length < LONG_TEXT || NEEDS_ESCAPE.test(explanation)) return JSON.stringify(answer);
  const keys = Object.keys(answer);
  if (keys.length < 2 || keys[keys.length - 1] !== 'explanation') return JSON.stringify(answer);
  // JSON leaves a field holding undefined out, so the head is the answer's text up to its last field.
  answer.explanation = undefined;
  const head = JSON.stringify(answer);
  return `${head.slice(0, -1)},"explanation":"${explanation}"}`;
}

/**
 * JSON.stringify({ id, ...result }), byte for byte, without copying the result behind the id: the id's
 * JSON, then the result's fields. A result that has an id field of its own (none does) takes the copy.
 */
function answerWithIdJson(id: string | number | null, result: QueryResult): string {
  if ('id' in result) return answerJson({ id, ...result });
  const body = answerJson(result);
  return body === '{}' ? `{"id":${JSON.stringify(id)}}` : `{"id":${JSON.stringify(id)},${body.slice(1)}`;
}

/**
 * Reads the input in the chunks it arrives in and answers each chunk's whole lines in one go, writing
 * their results with one write: no per-line events or promises (readline's async iterator cost more than
 * answering the line). A CR at a chunk's end is held back, since the LF completing a CRLF may come next.
 */
export async function runQueries(engine: Engine, input: Readable, output: Writable, options: AnswerOptions = DEFAULT_ANSWER_OPTIONS): Promise<QueryRunSummary> {
  input.setEncoding('utf8');
  let pending = '';
  let answered = 0;
  let failed = 0;
  const out = new Utf8Lines();
  const answerAll = (lines: readonly string[]): Buffer | null => {
    for (const line of lines) {
      if (line.trim() === '') continue;
      const outcome = answerLineOutcome(engine, line, options);
      if ('error' in outcome) {
        failed += 1;
        out.pushLine(JSON.stringify(outcome));
      } else {
        answered += 1;
        out.pushLine(answerWithIdJson(outcome.id, outcome.result));
      }
    }
    return out.take();
  };
  for await (const chunk of input as AsyncIterable<string>) {
    let text = pending + chunk;
    let heldCr = '';
    if (text.endsWith('\r')) {
      heldCr = '\r';
      text = text.slice(0, -1);
    }
    const lines = text.split(LINE_BREAK);
    pending = (lines.pop() ?? '') + heldCr;
    const results = answerAll(lines);
    if (results !== null) await write(output, results);
  }
  const last = answerAll(pending.split(LINE_BREAK));
  if (last !== null) await write(output, last);
  return { answered, failed };
}
