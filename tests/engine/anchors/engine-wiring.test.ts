/**
 * The anchors layer wired into the engine facade: every host gets the overlay through
 * createEngine(catalog, { anchors }), after alias resolution and per-model scaling, before the duty
 * cycle; without anchors nothing changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBundledEngine, parseAnchors } from '../../../src/engine';

const example = parseAnchors(readFileSync(join(__dirname, '..', '..', '..', 'data', 'anchors.example.json'), 'utf8'), 'json');
const plain = createBundledEngine();
const anchored = createBundledEngine({ anchors: example });

describe('engine with private anchors', () => {
  it('anchors the MoE reference on the anchor-model path and through the model catalog', () => {
    const mid = anchored.hardware({ tier: 'mid' });
    expect(anchored.llm(mid, {}).source).toBe('measured_silicon_anchor');
    expect(anchored.llm(mid, {}).decodeTokS).toBeCloseTo(12.345, 10); // the example file's fake tok/s
    const m = anchored.llmModel(mid, 'instruct_moe_stock', {});
    expect(m.source).toBe('measured_silicon_anchor');
    expect(m.decodeTokS).toBeCloseTo(12.345, 10);
    expect(m.model).toBe('instruct_moe_stock'); // model fields survive the overlay
  });

  it('scales the anchor by the bandwidth gain on a memory-upgrade clone', () => {
    const clone = anchored.hardware({ tier: 'mid', memory: 'lpddr6-14' });
    expect(anchored.llm(clone, {}).decodeTokS).toBeCloseTo(12.345 * (224 / 134.4), 10);
  });

  it('feeds the duty cycle from the anchored answer time', () => {
    const mid = anchored.hardware({ tier: 'mid' });
    const d = anchored.duty(mid, { pipeline: 'yolo_only_fp8', queriesPerMinute: 1 });
    expect(d.llm.source).toBe('measured_silicon_anchor');
    expect(d.dutyCycle).toBeCloseTo((1 / 60) * (200 / 12.345), 10);
  });

  it('leaves unanchored cells, other tiers and an engine without anchors unchanged', () => {
    const imx95 = anchored.hardware({ tier: 'imx95' });
    expect(anchored.llm(imx95, {})).toEqual(plain.llm(plain.hardware({ tier: 'imx95' }), {}));
    const mid = plain.hardware({ tier: 'mid' });
    expect(plain.llm(mid, {}).source).toBe('measured_anchor');
    expect(plain.vision(mid, { pipeline: 'yolov8n_trt_int8_coco128' }).source).not.toBe('measured_silicon_anchor');
  });

  it('keeps the platform-budget matrix unanchored (private numbers never reach a shared export)', () => {
    expect(anchored.matrix()).toEqual(plain.matrix());
  });
});
