/** How the LLM's duty cycle was derived and what it leaves for vision (the reference's time-slicing assumption). */
import type { LlmDuty } from '../api';
import type { Catalog } from '../catalog/load';
import { fill, fixed, percent } from './template';
import { type Explanation, explanation } from './types';

export function explainDuty(catalog: Catalog, duty: LlmDuty, visionFps: number | null, visionFpsUnderLlm: number | null): Explanation {
  const x = catalog.files['explanations.json'];
  const load = { qpm: fixed(duty.queriesPerMinute, 1), answerSec: fixed(duty.answerSec, 1), answerKind: duty.answerKind, dutyPct: percent(duty.dutyCycle) };
  return explanation([
    {
      topic: 'duty',
      text:
        visionFps === null || visionFpsUnderLlm === null
          ? fill(catalog, x.dutyNoVision, load)
          : fill(catalog, x.duty, { ...load, fpsUnder: fixed(visionFpsUnderLlm, 1), fps: fixed(visionFps, 1) }),
    },
  ]);
}
