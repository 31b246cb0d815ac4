/** Streams query lines from an input to an output, buffering writes so large runs stay fast. */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../engine';
import { answerLine } from './query';

const FLUSH_EVERY_LINES = 512;

export interface QueryRunSummary {
  readonly answered: number;
  readonly failed: number;
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(text)) {
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

export async function runQueries(engine: Engine, input: Readable, output: Writable): Promise<QueryRunSummary> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let buffer: string[] = [];
  let answered = 0;
  let failed = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const result = answerLine(engine, line);
    if ('error' in result) failed += 1;
    else answered += 1;
    buffer.push(JSON.stringify(result));
    if (buffer.length >= FLUSH_EVERY_LINES) {
      await write(output, buffer.join('\n') + '\n');
      buffer = [];
    }
  }
  if (buffer.length > 0) await write(output, buffer.join('\n') + '\n');
  return { answered, failed };
}
