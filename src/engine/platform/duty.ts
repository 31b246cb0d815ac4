/**
 * Duty cycle: the share of NPU time an LLM answering queries takes, and the vision FPS left over
 * when the two time-slice the NPU (no bandwidth contention is modelled; duty is not clamped, so an
 * oversubscribed NPU shows zero vision FPS).
 */
import type { AnswerKind, LlmProjection } from '../llm/types';

export function answerSeconds(llm: LlmProjection, answerKind: AnswerKind): number {
  return answerKind === 'short' ? llm.shortAnswerSec : llm.ragTotalSec;
}

export function llmDutyCycle(llm: LlmProjection, queriesPerMinute: number, answerKind: AnswerKind): number {
  return (queriesPerMinute / 60) * answerSeconds(llm, answerKind);
}

export function visionFpsUnderLlmLoad(visionFps: number, llm: LlmProjection, queriesPerMinute: number, answerKind: AnswerKind): number {
  const remaining = 1 - llmDutyCycle(llm, queriesPerMinute, answerKind);
  // Written so an LLM that never finishes (infinite duty) leaves 0 FPS, never 0 x -Infinity = NaN.
  return remaining > 0 ? visionFps * remaining : 0;
}
