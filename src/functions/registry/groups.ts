/**
 * The sections docs/functions.md lists the worksheet functions under, in order. Each defs module
 * names its section (`export const GROUP`); the functions of a section are every function declared
 * in those modules.
 */
export const FUNCTION_GROUP_TITLES = {
  lookups: 'Lookups (spill a column, for data-validation lists)',
  hardware: 'Hardware',
  llm: 'LLM',
  vision: 'Vision',
  vla: 'VLA',
  platform: 'Platform',
  inverse: 'Inverse sizing',
  procurement: 'Procurement (power, energy, cost of ownership, the fleet plan)',
  about: 'About',
} as const;

export type FunctionGroupId = keyof typeof FUNCTION_GROUP_TITLES;
