/**
 * One range table for every host: a number argument's help text is rendered from the engine's
 * range table, and a bad number gets the same error kind and message form from every worksheet
 * function and from `sizer query`.
 */
import { answerLine } from '../../src/cli/query';
import { createBundledEngine, createEngine, describeRange, loadCatalog, renderText } from '../../src/engine';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { runFunction } from '../../src/functions/registry/invoke';
import type { CellInput } from '../../src/functions/registry/types';
import { copyOfShippedFiles } from '../helpers/extended-catalog';

const engine = createBundledEngine();

function call(name: string, args: readonly CellInput[]) {
  const fn = SIZER_FUNCTIONS.find((f) => f.name === name);
  if (!fn) throw new Error(`no function ${name}`);
  return runFunction({ engine }, fn, args);
}

function failure(name: string, args: readonly CellInput[]): { kind: string; message: string } {
  const outcome = call(name, args);
  if (outcome.ok) throw new Error(`SIZER.${name} answered ${JSON.stringify(outcome.value)}`);
  return { kind: outcome.error.kind, message: outcome.error.message };
}

const NOT_WHOLE_FORM = /^([a-z_]+) must be a whole number from (\d+) to (\d+), got (\d+\.\d+)$/;

describe('one range table behind every number argument', () => {
  it('a fractional stream count and a fractional fleet size are the same kind of error, in the same words', () => {
    const streams = failure('VISIONFPS', ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', 2.5]);
    const fleet = failure('VLA', ['NPU High', 'nora_3b', 'ms_per_action', null, 1.5]);
    expect(streams).toEqual({ kind: 'value', message: 'streams must be a whole number from 1 to 16, got 2.5' });
    expect(fleet).toEqual({ kind: 'value', message: 'fleet_size must be a whole number from 0 to 10000, got 1.5' });
    expect(streams.message).toMatch(NOT_WHOLE_FORM);
    expect(fleet.message).toMatch(NOT_WHOLE_FORM);
  });

  it('sizer query refuses the same numbers with the not_whole code and the same message', () => {
    const vision = answerLine(engine, JSON.stringify({ id: 1, kind: 'vision', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip', streams: 2.5 }));
    const vla = answerLine(engine, JSON.stringify({ id: 2, kind: 'vla', tier: 'NPU High', vla: 'nora_3b', fleet_size: 1.5 }));
    expect(vision).toEqual({ id: 1, error: { code: 'not_whole', message: 'streams must be a whole number from 1 to 16, got 2.5' } });
    expect(vla).toEqual({ id: 2, error: { code: 'not_whole', message: 'fleet_size must be a whole number from 0 to 10000, got 1.5' } });
  });

  it('out-of-range numbers name the field, the valid values and the value given', () => {
    expect(failure('VISIONFPS', ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', 17]).message).toBe('streams must be a whole number from 1 to 16, got 17');
    expect(failure('TOKPS', ['NPU Mid', 'skippy_finetune', 'Q4_K_M', null, 1.5]).message).toBe('npu_share must be greater than 0 and at most 1, got 1.5');
    expect(failure('VLA', ['NPU High', 'nora_3b', 'ms_per_action', 17]).message).toBe('cameras must be a whole number from 0 to 16, got 17');
  });

  it('every number argument tied to the table describes that range in its help', () => {
    let tied = 0;
    for (const fn of SIZER_FUNCTIONS) {
      for (const spec of fn.args) {
        if (spec.range === undefined) continue;
        tied += 1;
        expect(spec.type).toBe('number');
        expect(renderText(spec.help, engine.catalog)).toContain(describeRange(engine.catalog.inputRanges[spec.range]));
      }
    }
    // streams, npu_share, compiler_quality, queries_per_minute, the custom-tier figures, tokens, VLA counts, ...
    expect(tied).toBeGreaterThan(40);
  });

  it('a catalog limit moves the check and the help text together', () => {
    const files = copyOfShippedFiles();
    (files['vla.json'] as { limits: { maxFleetSize: number } }).limits.maxFleetSize = 50;
    const edited = createEngine(loadCatalog(files));
    const fleetArg = SIZER_FUNCTIONS.find((f) => f.name === 'VLA')?.args.find((a) => a.name === 'fleet_size');
    expect(fleetArg && renderText(fleetArg.help, edited.catalog)).toContain('a whole number from 0 to 50');
    const vla = SIZER_FUNCTIONS.find((f) => f.name === 'VLA');
    if (!vla) throw new Error('no VLA');
    const outcome = runFunction({ engine: edited }, vla, ['NPU High', 'nora_3b', 'ms_per_action', null, 51]);
    expect(outcome.ok ? null : outcome.error.message).toBe('fleet_size must be a whole number from 0 to 50, got 51');
  });
});
