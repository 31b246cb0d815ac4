/**
 * Renders docs/functions.md from the registry: every function with its arguments, result and an
 * example. Generated (tests/functions/generated.test.ts fails when it is stale).
 */
import type { FunctionGroup } from '../registry';
import type { Catalog } from '../../engine';
import { renderText, type SizerFunction } from '../registry/types';

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function signature(fn: SizerFunction): string {
  const args = fn.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(', ');
  return `SIZER.${fn.name}(${args})`;
}

function renderFunction(fn: SizerFunction, catalog: Catalog): string {
  const lines = [`### SIZER.${fn.name}`, '', renderText(fn.description, catalog), '', '```', signature(fn), '```', ''];
  if (fn.args.length > 0) {
    lines.push('| argument | type | required | meaning |', '|---|---|---|---|');
    for (const a of fn.args) lines.push(`| ${a.name} | ${a.type} | ${a.optional ? 'no' : 'yes'} | ${escape(renderText(a.help, catalog))} |`);
    lines.push('');
  }
  lines.push(`**Returns** ${fn.result === 'matrix' ? '(spills)' : `(${fn.result})`}: ${renderText(fn.resultHelp, catalog)}`, '');
  lines.push(`**Example**: \`${fn.example.formula}\` answers ${renderText(fn.example.answers, catalog)}.`, '');
  return lines.join('\n');
}

export function renderFunctionsDoc(groups: readonly FunctionGroup[], catalog: Catalog): string {
  const intro = [
    '# SIZER worksheet functions',
    '',
    '<!-- GENERATED from src/functions/registry by src/functions/codegen/docs.ts: run `npm run gen:functions`. -->',
    '',
    'Every function lives in the `SIZER` namespace and recalculates when an input cell changes; none is volatile.',
    'Arguments match names case-insensitively on display name or key ("NPU Mid", "mid"); leave an optional',
    'argument blank (or skip it with a comma) for its default. A custom tier from `SIZER.CUSTOMTIER` works',
    'wherever a `tier` is asked for.',
    '',
    'Errors are specific: `#VALUE!` for an unknown name or a wrong type (the message names the argument and the',
    'valid choices), `#NUM!` for a number out of range, `#N/A` for a combination that does not apply (for',
    'example `dtype_mismatch` when a tier cannot run a model). Records (`HW`, `LLM`, `VISION`, ...) spill a',
    'header row and a value row, or return one field when `field` is given.',
    '',
    ...groups.map((g) => `- **${g.title}**: ${g.functions.map((f) => `[${f.name}](#sizer${f.name.toLowerCase()})`).join(', ')}`),
    '',
  ];
  const body = groups.map((g) => [`## ${g.title}`, '', ...g.functions.map((fn) => renderFunction(fn, catalog))].join('\n'));
  return `${intro.join('\n')}\n${body.join('\n')}`;
}
