/**
 * The this-config sheet's over-subscription flag: the budget rows' duty cycles (ss_duty_cycle_frac,
 * additive) summing above 1 mean the NPU is promised more time than it has. The vision row takes the
 * NPU to itself (duty 1, as the reference's export writes it), so any LLM load on top over-subscribes
 * it; the headline's FPS under LLM load is what vision really gets.
 */
import type { BudgetRow } from '../../engine';

export const DUTY_COLUMN = 'ss_duty_cycle_frac';

/** The flag line, or null when the duty cycles sum to 1 or less. */
export function oversubscriptionNote(rows: readonly BudgetRow[]): string | null {
  const total = rows.reduce((sum, row) => sum + (typeof row[DUTY_COLUMN] === 'number' ? row[DUTY_COLUMN] : 0), 0);
  if (total <= 1 + 1e-9) return null;
  return (
    `NPU OVER-SUBSCRIBED: the duty cycles sum to ${total.toFixed(3)} (above 1). ` +
    'The vision row assumes the NPU to itself; with the other rows on it, vision gets only the time they leave (see the headline\'s FPS under LLM load).'
  );
}
