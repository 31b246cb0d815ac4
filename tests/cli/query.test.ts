import { PassThrough, Readable } from 'node:stream';
import { answerLine } from '../../src/cli/query';
import { runQueries } from '../../src/cli/run-query';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
/** An answer line: its contract fields by name, and the error object of a rejected line. */
type Answer = Record<string, unknown> & { error?: { code: string; message: string } };
const ask = (query: unknown): Answer => answerLine(engine, typeof query === 'string' ? query : JSON.stringify(query)) as Answer;

describe('sizer query: good lines', () => {
  it('answers each kind with the contract fields and echoes the id', () => {
    const v = ask({ id: 'v1', kind: 'vision', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 1 });
    expect(v.id).toBe('v1');
    for (const field of ['per_stream_ms', 'fps_per_stream', 'total_fps', 'vram_mb', 'fits_in_memory', 'source', 'regime', 'bw_floor_ms', 'compute_floor_ms', 'yolo_ms', 'clip_ms']) {
      expect(v).toHaveProperty(field);
    }
    const l = ask({ id: 2, kind: 'llm', tier: 'mid', quant: 'Q4_K_M' });
    expect(l.id).toBe(2);
    expect(l.source).toBe('measured_anchor');
    expect(ask({ id: 3, kind: 'capability', tier: 'high', dtype: 'fp8' }).level).toBe('tensor_native');
    expect(ask({ id: 4, kind: 'duty', tier: 'mid', pipeline: 'yolo_only_fp8', queries_per_minute: 1 }).vision_fps_under_llm).toBeGreaterThan(0);
    const b = ask({ id: 5, kind: 'budget', slot: 'llm', tier: 'high', quant: 'Q8_0' });
    expect(b.workload_id).toBe('llm_Q8_0_plain_chat_short');
  });

  it('treats null fields as the defaults', () => {
    const a = ask({ id: 1, kind: 'vision', tier: 'mid', pipeline: 'sam3_bf16', resolution: null, streams: null, npu_share: null, memory: null });
    const b = ask({ id: 1, kind: 'vision', tier: 'mid', pipeline: 'sam3_bf16', resolution: '1080p', streams: 1 });
    expect(a).toEqual(b);
    expect(a.npu_share_used).toBe(0.75);
  });

  it('takes a custom tier, deriving bandwidth from bus width and data rate when not given', () => {
    const custom = { name: 'Mine', silicon_class: 'lp5x_128', peak_tops_int8: 100, mem_capacity_gb: 16, mem_bus_width_bits: 96, mem_data_rate_gtps: 8.533, mem_type: 'LPDDR5X' };
    const l = ask({ id: 'c', kind: 'llm', custom });
    expect(l.error).toBeUndefined();
    expect(l.decode_ceiling_tok_s).toBeCloseTo(((96 * 8.533) / 8) * 0.7 * 1e9 / (3e9 * 0.57), 6);
  });
});

describe('sizer query: bad lines give one specific error each', () => {
  it.each([
    ['not JSON', 'not json', 'invalid_json', /not JSON/],
    ['a JSON array', '[1,2]', 'invalid_json', /one JSON object/],
    ['an unknown tier', { id: 'x', kind: 'vision', tier: 'NPU Huge', pipeline: 'sam3_bf16' }, 'unknown_name', /unknown tier "NPU Huge"; valid: .*mid/],
    ['a negative stream count', { id: 'x', kind: 'vision', tier: 'mid', pipeline: 'sam3_bf16', streams: -4 }, 'out_of_range', /streams must be a whole number from 1 to 16, got -4/],
    ['a missing field', { id: 'x', kind: 'vision', tier: 'mid' }, 'missing_field', /needs "pipeline"/],
    ['a missing kind', { id: 'x', tier: 'mid' }, 'missing_field', /needs "kind"/],
    ['an unknown kind', { id: 'x', kind: 'weather', tier: 'mid' }, 'unknown_kind', /unknown kind "weather"; valid: vision, llm/],
    ['a misspelt field', { id: 'x', kind: 'vision', tier: 'mid', pipeline: 'sam3_bf16', stream: 2 }, 'invalid_input', /unknown field "stream"/],
    ['a wrong type', { id: 'x', kind: 'vision', tier: 'mid', pipeline: 'sam3_bf16', streams: '4' }, 'invalid_input', /"streams" must be a number, got "4"/],
    ['no hardware', { id: 'x', kind: 'llm' }, 'invalid_input', /tier .* is required/],
    ['a share out of range', { id: 'x', kind: 'llm', tier: 'mid', npu_share: 2 }, 'out_of_range', /npu_share/],
    ['a share on a budget row', { id: 'x', kind: 'budget', slot: 'llm', tier: 'mid', npu_share: 0.5 }, 'invalid_input', /default NPU share/],
    ['an unknown quant', { id: 'x', kind: 'llm', tier: 'mid', quant: 'Q2' }, 'unknown_name', /valid: Q4_K_M, Q5_K_M, Q8_0/],
    ['a custom tier without capacity', { id: 'x', kind: 'llm', custom: { silicon_class: 'neutron', peak_tops_int8: 2, mem_bandwidth_gbs: 10 } }, 'missing_field', /custom\.mem_capacity_gb/],
    ['a custom tier with no compute', { id: 'x', kind: 'llm', custom: { silicon_class: 'neutron', mem_bandwidth_gbs: 10, mem_capacity_gb: 4 } }, 'out_of_range', /no INT8, BF16 or FP8 compute/],
    ['a precision set on a tier without a ladder', { id: 'x', kind: 'llm', tier: 'imx95', precision_set: 'int8' }, 'not_applicable', /apply only to NPU Mid, NPU High/],
  ])('%s', (_what, query, code, message) => {
    const result = ask(query);
    expect(result.error?.code).toBe(code);
    expect(result.error?.message).toMatch(message);
    if (typeof query === 'object' && !Array.isArray(query)) expect(result.id).toBe('x');
  });
});

describe('runQueries', () => {
  it('answers every line in order, and a bad line does not stop the run', async () => {
    const input = Readable.from(
      [
        JSON.stringify({ id: 1, kind: 'llm', tier: 'mid' }),
        'garbage',
        '',
        JSON.stringify({ id: 2, kind: 'vision', tier: 'foo', pipeline: 'sam3_bf16' }),
        JSON.stringify({ id: 3, kind: 'vision', tier: 'high', pipeline: 'sam3_bf16', streams: -1 }),
        JSON.stringify({ id: 4, kind: 'vision', tier: 'high' }),
        JSON.stringify({ id: 5, kind: 'capability', tier: 'high', dtype: 'int8' }),
      ].join('\n'),
    );
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (c: Buffer) => chunks.push(c.toString()));
    const summary = await runQueries(engine, input, output);
    const lines = chunks.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(summary).toEqual({ answered: 2, failed: 4 });
    expect(lines.map((l) => l.id)).toEqual([1, null, 2, 3, 4, 5]);
    expect(lines.map((l) => l.error?.code ?? 'ok')).toEqual(['ok', 'invalid_json', 'unknown_name', 'out_of_range', 'missing_field', 'ok']);
  });
});
