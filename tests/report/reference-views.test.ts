/**
 * The reference's other views as sheets (docs/decisions/0024): each against hand-worked numbers or
 * independent reads of the catalog, and rules over every sheet of the workbook (no header repeats
 * its unit, booleans are booleans in boolean columns only, every sheet prints landscape on one page
 * width with its header row repeated).
 */
import {
  buildAccuracySheet,
  buildCrossModelVlaSheet,
  buildCrossPipelineSheet,
  buildDramSheet,
  buildKpiSummarySheet,
  buildPerformanceSheet,
  buildPrecisionSheet,
  buildSheet,
  buildThisConfigSheet,
  buildWorkbook,
  buildWorkloadMixSheet,
  columnHeader,
  defaultConfig,
  type SheetModel,
  type SizingConfig,
} from '../../src/report';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
const DEFAULTS = defaultConfig(engine.catalog);

function column(model: SheetModel, key: string): unknown[] {
  const i = model.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`${model.name} has no column ${key}`);
  return model.rows.map((r) => r[i]);
}

function records(model: SheetModel): Record<string, unknown>[] {
  return model.rows.map((r) => Object.fromEntries(model.columns.map((c, i) => [c.key, r[i]])));
}

describe('the workbook: rules over every sheet', () => {
  const sheets = buildWorkbook(engine, { ...DEFAULTS, vla: { ...DEFAULTS.vla, enabled: true } });

  it('starts with a cover sheet: the configuration, then every other sheet in order', () => {
    const cover = sheets[0]!;
    expect(cover.name).toBe('Cover');
    const contents = records(cover).filter((r) => r.section === 'Contents');
    expect(contents.map((r) => r.item)).toEqual(sheets.slice(1).map((s) => s.name));
    const settings = Object.fromEntries(records(cover).filter((r) => r.section === 'Configuration').map((r) => [r.item, r.value]));
    expect(settings.Hardware).toBe('NPU High');
    expect(settings['NPU share']).toBe('tier default');
  });

  it.each(sheets.map((s) => [s.name, s] as const))('%s: no header names its unit twice', (_name, sheet) => {
    for (const c of sheet.columns) {
      const header = columnHeader(c);
      if (!c.unit) continue;
      const escaped = c.unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const times = header.match(new RegExp(`(^|[^A-Za-z0-9])${escaped}(?=$|[^A-Za-z0-9])`, 'gi'))?.length ?? 0;
      expect({ header, times }).toEqual({ header, times: 1 });
    }
  });

  it.each(sheets.map((s) => [s.name, s] as const))('%s: a boolean value only in a boolean column, and a boolean column holds only booleans', (_name, sheet) => {
    sheet.columns.forEach((c, i) => {
      for (const row of sheet.rows) {
        const v = row[i] ?? null;
        if (c.kind === 'boolean') expect(v === null || typeof v === 'boolean').toBe(true);
        else expect(typeof v).not.toBe('boolean');
      }
    });
  });

  it.each(sheets.map((s) => [s.name, s] as const))('%s: prints landscape, its header row on every page; readable if at most 60 rows (no more than 160 characters of columns a page, on as few pages wide as that allows), else one page wide', (_name, sheet) => {
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPagesTall: 0, printTitleRows: '1:1', centerFooter: '&D' });
    expect(sheet.pageSetup?.leftFooter).toMatch(/^SIZER /);
    const width = sheet.columns.reduce((sum, c) => sum + c.width, 0);
    const pages = sheet.pageSetup!.fitToPagesWide;
    if (sheet.rows.length > 60) {
      expect(pages).toBe(1);
      return;
    }
    expect(width / pages).toBeLessThanOrEqual(160);
    if (pages > 1) {
      expect(width / (pages - 1)).toBeGreaterThan(160);
      // The row labels repeat on every page of a table split across page widths.
      expect(sheet.pageSetup!.printTitleColumns).toBe('A:A');
    } else {
      expect(sheet.pageSetup!.printTitleColumns).toBeNull();
    }
  });

  it('splits This config across page widths instead of shrinking it to a quarter, and keeps the 2,250-row matrix on one page width', () => {
    const config = sheets.find((s) => s.name === 'This config')!;
    const matrix = sheets.find((s) => s.name === 'Full matrix')!;
    expect(config.pageSetup!.fitToPagesWide).toBeGreaterThan(1);
    expect(matrix.rows.length).toBeGreaterThan(2000);
    expect(matrix.pageSetup!.fitToPagesWide).toBe(1);
  });
});

describe('columnHeader', () => {
  it('adds a unit the header does not name, and never a second time', () => {
    const base = { key: 'k', kind: 'number', numberFormat: '0', width: 8 } as const;
    expect(columnHeader({ ...base, header: 'Memory (MB)', unit: 'MB' })).toBe('Memory (MB)');
    expect(columnHeader({ ...base, header: 'Decode tok/s', unit: 'tok/s' })).toBe('Decode tok/s');
    expect(columnHeader({ ...base, header: 'Short answer', unit: 's' })).toBe('Short answer (s)');
    // "s" inside a word is not the unit.
    expect(columnHeader({ ...base, header: 'Seconds total', unit: 's' })).toBe('Seconds total (s)');
  });
});

describe('precision what-if', () => {
  it('NPU High, the MoE reference: three rungs plus the other FP4 maturity; the default FP4 row is immature', () => {
    const sheet = buildPrecisionSheet(engine, { ...DEFAULTS, llm: { ...DEFAULTS.llm, model: 'skippy_finetune' } });
    const rows = records(sheet);
    expect(rows.map((r) => r.precision_set)).toEqual(['INT-only', 'INT + FP8', 'INT + FP8 + FP4', 'INT + FP8 + FP4']);
    expect(rows.map((r) => r.fp4_maturity)).toEqual([null, null, 'immature', 'mature']);
    expect(rows.map((r) => r.reference_default)).toEqual([false, false, true, false]);
    // Each rung is the engine's model projection on that precision variant (TTFT in ms).
    for (const [i, set] of (['int8', 'int8_fp8', 'int8_fp8_fp4'] as const).entries()) {
      const hw = engine.hardware({ tier: 'NPU High', precisionSet: set });
      const m = engine.llmModel(hw, 'skippy_finetune', { quant: 'Q4_K_M', workload: 'plain_chat', fp4Maturity: i === 2 ? 'immature' : 'mature' });
      expect(rows[i]!.ttft_1k_ms).toBeCloseTo(m.ttft1kSec * 1000, 9);
    }
    // x vs INT8 is INT-only's TTFT over the rung's, and blank on INT-only itself.
    expect(rows[0]!.speedup_vs_int8).toBeNull();
    expect(rows[3]!.speedup_vs_int8).toBeCloseTo((rows[0]!.ttft_1k_ms as number) / (rows[3]!.ttft_1k_ms as number), 9);
    expect(rows[0]!.accuracy_note).toMatch(/-3\.8 pp/);
  });

  it('a tier without precision sets gets no rows and says so', () => {
    const sheet = buildPrecisionSheet(engine, { ...DEFAULTS, tier: 'NPU Low-LP5X' });
    expect(sheet.rows).toEqual([]);
    expect(sheet.notes[0]).toMatch(/No precision what-if for NPU Low-LP5X/);
  });
});

describe('performance and workload mix', () => {
  it('performance: the bake-off figures of data/llm.json, TTFT in ms', () => {
    const rows = records(buildPerformanceSheet(engine));
    const plain = rows.find((r) => r.workload_key === 'plain_chat')!;
    expect(plain).toMatchObject({ decode_5090_tok_s_p50: 147, decode_5090_tok_s_p95: 222, samples: 3 });
    expect(plain.ttft_5090_ms_p50).toBeCloseTo(40, 9);
    expect(rows.find((r) => r.workload_key === 'rag_long_context')!.ttft_5090_ms_p50).toBeCloseTo(5220, 9);
  });

  it('workload mix: fastest first, the selected workload marked, and the spread caption', () => {
    const sheet = buildWorkloadMixSheet(engine, { ...DEFAULTS, llm: { ...DEFAULTS.llm, model: 'skippy_finetune' } });
    const decode = column(sheet, 'decode_tok_s') as number[];
    expect([...decode].sort((a, b) => b - a)).toEqual(decode);
    expect(column(sheet, 'selected').filter(Boolean)).toHaveLength(1);
    expect(records(sheet).find((r) => r.selected)!.workload).toBe('Plain chat (warm)');
    // The multipliers order the categories: long-form (1.46x) first, cold start (0.038x) last.
    expect(records(sheet)[0]!.workload).toBe('Long-form generation');
    expect(records(sheet).at(-1)!.workload).toBe('Cold start (first call)');
    expect(sheet.notes[0]).toBe(`Spread: ${(decode[0]! / decode.at(-1)!).toFixed(0)}x between the fastest category (${decode[0]!.toFixed(0)} tok/s) and the slowest (${decode.at(-1)!.toFixed(1)} tok/s).`);
  });
});

describe('accuracy', () => {
  const sheet = buildAccuracySheet(engine, { ...DEFAULTS, tier: 'NPU Mid', llm: { ...DEFAULTS.llm, model: 'skippy_14b_v4' } });
  const rows = records(sheet);

  it('pass rates with passes/total and the delta vs the production model (Skippy 7B v4, 80/132)', () => {
    const fourteen = rows.find((r) => r.section === 'Model' && String(r.item).startsWith('Skippy 14B v4'))!;
    // 92/132 = 0.697 against 80/132 = 0.606: +9.1 pp.
    expect(fourteen).toMatchObject({ passes: 92, total: 132, pass_rate: 0.697, delta_pp: 9.1, selected: true });
  });

  it('the selected model per category, with passes gained or lost against production', () => {
    const cats = rows.filter((r) => r.section === 'Category');
    const own = engine.catalog.modelByKey.skippy_14b_v4!.categories;
    const prod = engine.catalog.modelByKey.skippy_7b_v4!.categories;
    expect(cats).toHaveLength(Object.keys(own).length);
    const coding = cats.find((r) => r.category === 'Coding')!;
    expect(coding.delta_passes).toBe(own.coding!.passed - prod.coding!.passed);
  });

  it('the quant ladder against dense FP16 + RAG (65.2%), the W8A8 rung n/a where INT8 is only tensor-compatible', () => {
    const ladder = rows.filter((r) => r.section === 'Quant ladder');
    expect(ladder).toHaveLength(7);
    const w8a8 = ladder.find((r) => r.item === 'Dense W8A8 INT8 + RAG')!;
    // 0.614 - 0.652 = -3.8 pp.
    expect(w8a8.delta_pp).toBe(-3.8);
    expect(ladder.find((r) => r.item === 'Dense fp16 + RAG')!.delta_pp).toBeNull();
    // NPU Mid runs INT8 natively (data/capability.json): no note there. The RTX 5090 runs INT8 only
    // tensor-compatibly (its sm120 table), so the rung is marked n/a there.
    expect(w8a8.note).toBeNull();
    const onRtx = records(buildAccuracySheet(engine, { ...DEFAULTS, tier: 'RTX 5090', llm: { ...DEFAULTS.llm, model: 'skippy_14b_v4' } }));
    const rtxW8a8 = onRtx.find((r) => r.section === 'Quant ladder' && r.item === 'Dense W8A8 INT8 + RAG')!;
    expect(rtxW8a8.note).toBe(`n/a on ${engine.hardware({ tier: 'rtx5090' }).name}: INT8 is only tensor-compatible there`);
    expect(sheet.notes.some((n) => /SM120/.test(n))).toBe(true);
    expect(rows.filter((r) => r.section === 'W8A8 vs FP16').find((r) => r.category === 'RAG · email retrieval')!.delta_passes).toBe(-3);
  });
});

describe('DRAM, KPI summary, cross-pipeline, cross-model VLA', () => {
  it('DRAM: measured = bytes per frame x total FPS, against the effective-bandwidth ceiling', () => {
    const sheet = buildDramSheet(engine, DEFAULTS);
    const mid = records(sheet).find((r) => r.tier === 'NPU Mid')!;
    // yolo_seg_fp8_trt once per frame + clip_trt once a second at 30 FPS: bytes from data/ncu-bundle.json.
    const ncu = Object.fromEntries(engine.catalog.files['ncu-bundle.json'].workloads.map((w) => [w.id, w.dramBytesPerForward]));
    const pipeline = engine.catalog.pipelineByKey.trt_fp8_1hz_clip!;
    const bytes = pipeline.ncu!.reduce((s, c) => s + ncu[c.workload]! * c.firesPerFrame, 0);
    const fps = engine.vision(engine.hardware({ tier: 'NPU Mid' }), { pipeline: 'trt_fp8_1hz_clip' }).totalFps;
    expect(mid.measured_gbs).toBeCloseTo((bytes * fps) / 1e9, 9);
    // NPU Mid: 134.4 GB/s theoretical x 0.70 = 94.08 GB/s.
    expect(mid.ceiling_gbs).toBeCloseTo(94.08, 9);
    expect(mid.utilisation).toBeCloseTo((mid.measured_gbs as number) / 94.08, 9);
    expect(mid.spare_gbs).toBeCloseTo(94.08 - (mid.measured_gbs as number), 9);
  });

  it('KPI summary: a row per enabled workload plus PAI, the BW ratio vs NPU Mid', () => {
    const sheet = buildKpiSummarySheet(engine, { ...DEFAULTS, tier: 'RTX 5090', vla: { ...DEFAULTS.vla, enabled: true } });
    const rows = records(sheet);
    expect(rows.map((r) => String(r.workload).split(' · ')[0])).toEqual(['Vision', 'LLM', 'VLA', 'PAI']);
    // RTX 5090: 1792 x 0.85 = 1523.2 GB/s effective against NPU Mid's 94.08.
    expect(rows[0]!.bw_ratio_vs_mid).toBeCloseTo(1523.2 / 94.08, 6);
    expect(rows[2]!.control_hz).not.toBeNull();
    expect(rows[0]!.decode_tok_s).toBeNull();
  });

  it('cross-pipeline: every catalog pipeline, the selected one marked', () => {
    const sheet = buildCrossPipelineSheet(engine, DEFAULTS);
    expect(column(sheet, 'pipeline_key')).toEqual(engine.catalog.pipelines.map((p) => p.key));
    expect(records(sheet).filter((r) => r.selected).map((r) => r.pipeline_key)).toEqual(['trt_fp8_1hz_clip']);
  });

  it('cross-model VLA: every catalog VLA model, the selected one marked, LIBERO as a fraction', () => {
    const sheet = buildCrossModelVlaSheet(engine, DEFAULTS);
    const models = engine.catalog.files['vla.json'].models;
    expect(sheet.rows).toHaveLength(models.length);
    const openvla = records(sheet).find((r) => String(r.model).startsWith('OpenVLA 7B (single'))!;
    expect(openvla.libero_success).toBeCloseTo(0.765, 9);
  });
});

describe('cross-tier LLM: the PAI columns', () => {
  it('DDR type, total and usable bandwidth per tier, and the token-shaped prefill, total and host', () => {
    const sheet = buildSheet(engine, 'cross-tier-llm', DEFAULTS);
    const rtx = records(sheet).find((r) => String(r.tier).startsWith('RTX 5090'))!;
    expect(rtx).toMatchObject({ ddr_type: '512b GDDR7 @ 28 GT/s', bw_total_gbs: 1792 });
    expect(rtx.bw_usable_gbs).toBeCloseTo(1523.2, 9);
    const hw = engine.hardware({ tier: 'RTX 5090' });
    const shape = engine.llmShape(hw, { model: 'qwen25_7b_dense' });
    if (shape.resultType !== 'Projected') throw new Error('expected a projection');
    expect(rtx).toMatchObject({ prefill_tok_s: shape.prefillTokS, total_s: shape.totalS, host_ms: shape.hostMs });
    // Tiers with no FP16 compute path have no prefill: no numbers, and the reason.
    const mid = records(sheet).find((r) => r.tier === 'NPU Mid')!;
    expect(mid).toMatchObject({ prefill_tok_s: null, total_s: null, pai_note: 'no prefill path for its compute dtype' });
  });
});

describe('this config: over-subscription', () => {
  it('flags duty cycles summing above 1 in the title and first note', () => {
    const config: SizingConfig = { ...DEFAULTS, llm: { ...DEFAULTS.llm, model: 'skippy_finetune', queriesPerMinute: 30 } };
    const sheet = buildThisConfigSheet(engine, config);
    const duty = column(sheet, 'ss_duty_cycle_frac') as number[];
    expect(duty[0]).toBe(1);
    expect(sheet.title).toMatch(/NPU over-subscribed/);
    expect(sheet.notes[0]).toBe(
      `NPU OVER-SUBSCRIBED: the duty cycles sum to ${(duty[0]! + duty[1]!).toFixed(3)} (above 1). The vision row assumes the NPU to itself; with the other rows on it, vision gets only the time they leave (see the headline's FPS under LLM load).`,
    );
  });

  it('no flag with the vision row alone', () => {
    const sheet = buildThisConfigSheet(engine, { ...DEFAULTS, llm: { ...DEFAULTS.llm, enabled: false } });
    expect(sheet.title).not.toMatch(/over-subscribed/);
  });
});

describe('booleans', () => {
  it('every boolean column on every sheet has the one boolean format (TRUE / FALSE in Excel and LibreOffice alike)', () => {
    const sheets = buildWorkbook(engine, DEFAULTS);
    const formats = new Set(sheets.flatMap((s) => s.columns.filter((c) => c.kind === 'boolean').map((c) => c.numberFormat)));
    expect([...formats]).toEqual(['"TRUE";"TRUE";"FALSE"']);
  });
});
