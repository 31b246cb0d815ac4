/**
 * A small procurement workbook evaluated in HyperFormula with the SIZER registry installed: inputs,
 * SIZER formulas, ordinary spreadsheet arithmetic on top; then a tier change must flow through to
 * every dependent cell with the engine's new values.
 */
import { HyperFormula } from 'hyperformula';
import { createBundledEngine } from '../../src/engine';
import { registerSizerFunctions } from '../../src/functions/hyperformula/plugin';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { createRunner } from '../../src/functions/registry/invoke';

const engine = createBundledEngine();
const runner = createRunner({ engine });
registerSizerFunctions(HyperFormula, SIZER_FUNCTIONS, () => runner);

// Row 1 labels, row 2 inputs, row 4 results.
const INPUTS = [['Tier', 'Model', 'Quant', 'Pipeline', 'Cameras', 'Unit price', 'Target FPS'], ['NPU High', 'skippy_finetune', 'Q4_K_M', 'trt_fp8_1hz_clip', 40, 180, 15]];
const RESULTS = [
  'Decode tok/s', 'FPS per stream (4 cams)', 'Streams per device', 'Devices needed', 'Cost', 'Fits', 'Source',
];
const FORMULAS = [
  '=SIZER.TOKPS(A2, B2, C2)',
  '=SIZER.VISIONFPS(A2, D2, "1080p", 4)',
  '=SIZER.MAXSTREAMS(A2, D2, "1080p", G2)',
  '=IF(C4=0, NA(), ROUNDUP(E2/C4, 0))',
  '=D4*F2',
  '=SIZER.FITS(A2, B2, C2)',
  '=SIZER.LLM(A2, B2, C2, , , "source")',
];

function build(): { hf: HyperFormula; sheet: number } {
  const hf = HyperFormula.buildFromArray([...INPUTS, RESULTS, FORMULAS], { licenseKey: 'gpl-v3' });
  return { hf, sheet: 0 };
}

function expectedFor(tier: string) {
  const hw = engine.hardware({ tier });
  const tokps = engine.llmModel(hw, 'skippy_finetune', { quant: 'Q4_K_M' }).decodeTokS;
  const fps = engine.vision(hw, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 4 }).fpsPerStream;
  let streams = 0;
  for (let n = 1; n <= 16; n++) if (engine.vision(hw, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: n }).fpsPerStream >= 15) streams = n;
  return { tokps, fps, streams };
}

describe('procurement workbook in HyperFormula', () => {
  it('computes the SIZER cells and the arithmetic on top of them', () => {
    const { hf, sheet } = build();
    const want = expectedFor('NPU High');
    const v = (col: number): unknown => hf.getCellValue({ sheet, row: 3, col });
    expect(v(0)).toBeCloseTo(want.tokps, 9);
    expect(v(1)).toBeCloseTo(want.fps, 9);
    expect(v(2)).toBe(want.streams);
    expect(want.streams).toBeGreaterThan(0);
    expect(v(3)).toBe(Math.ceil(40 / want.streams));
    expect(v(4)).toBe(Math.ceil(40 / want.streams) * 180);
    expect(v(5)).toBe(true);
    expect(v(6)).toBe('measured_anchor');
  });

  it('recalculates every dependent cell when the tier input changes', () => {
    const { hf, sheet } = build();
    const before = hf.getCellValue({ sheet, row: 3, col: 0 });
    hf.setCellContents({ sheet, row: 1, col: 0 }, 'NPU Low-LP5X');
    const want = expectedFor('NPU Low-LP5X');
    const v = (col: number): unknown => hf.getCellValue({ sheet, row: 3, col });
    expect(v(0)).not.toBe(before);
    expect(v(0)).toBeCloseTo(want.tokps, 9);
    expect(v(1)).toBeCloseTo(want.fps, 9);
    expect(v(2)).toBe(want.streams);
    expect(v(6)).toBe('cross_class');
  });

  it('shows specific errors: unknown tier and out-of-range #VALUE!, dtype mismatch #N/A (never #NUM!, whose message Excel drops)', () => {
    const { hf, sheet } = build();
    hf.setCellContents({ sheet, row: 1, col: 0 }, 'NPU Huge');
    const err = hf.getCellValue({ sheet, row: 3, col: 0 }) as { type: string; message: string };
    expect(err.type).toBe('VALUE');
    expect(err.message).toMatch(/unknown tier "NPU Huge"; valid:/);
    hf.setCellContents({ sheet, row: 1, col: 0 }, 'NPU Mid');
    hf.setCellContents({ sheet, row: 1, col: 1 }, 'skippy_7b_v4');
    const na = hf.getCellValue({ sheet, row: 3, col: 0 }) as { type: string; message: string };
    expect(na.type).toBe('NA');
    expect(na.message).toMatch(/dtype_mismatch/);
    hf.setCellContents({ sheet, row: 5, col: 0 }, [['=SIZER.VISIONFPS("mid", "sam3_bf16", "1080p", 40)']]);
    const range = hf.getCellValue({ sheet, row: 5, col: 0 }) as { type: string; message: string };
    expect(range.type).toBe('VALUE');
    expect(range.message).toBe('streams must be a whole number from 1 to 16, got 40');
  });

  it('spills lookups and tables', () => {
    const hf = HyperFormula.buildFromArray([['=SIZER.TIERS()', '=SIZER.STREAMSCALING("mid", "trt_fp8_1hz_clip", "720p")']], { licenseKey: 'gpl-v3' });
    expect(hf.getCellValue({ sheet: 0, row: 5, col: 0 })).toBe('RTX 5090 (reference, measured)');
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe('streams');
    expect(hf.getCellValue({ sheet: 0, row: 16, col: 1 })).toBe(16);
  });
});
