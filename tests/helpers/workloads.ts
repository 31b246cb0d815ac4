/**
 * A workload's decode multiplier read straight from data/llm.json, not through the engine: the
 * calibrated basis applies exactly this on top of the calibrated model's number (and nothing else,
 * such as a catalog model's size scale factor), so tests that check it read it independently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const llm = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'llm.json'), 'utf8')) as { workloads: { key: string; decodeMultiplier: number }[] };

export function workloadDecodeMultiplier(key: string): number {
  const workload = llm.workloads.find((w) => w.key === key);
  if (!workload) throw new Error(`no workload ${key} in data/llm.json`);
  return workload.decodeMultiplier;
}
