/**
 * Renders src/functions/functions.ts, the file Excel's metadata generator reads: one JSDoc-annotated
 * function per registry entry, each a one-line call into the registry. Generated, never edited by
 * hand (`npm run generate` writes it; tests/functions/generated.test.ts fails when it is stale).
 */
import type { Catalog } from '../../engine';
import { type ArgSpec, renderText, type SizerFunction } from '../registry/types';

/**
 * The JavaScript parameter name is what Excel's formula hints show (the metadata generator copies it
 * into functions.json), so it is the registry's snake_case name, the one docs/functions.md and every
 * error message use.
 */
function paramName(name: string): string {
  return name;
}

function tsType(a: ArgSpec): string {
  return a.type === 'table' ? 'any[][]' : a.type;
}

function resultType(fn: SizerFunction): string {
  return fn.result === 'matrix' ? 'any[][]' : fn.result;
}

/** JSDoc text must not close the comment or break the generator's parsing. */
function doc(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
}

function renderFunction(fn: SizerFunction, catalog: Catalog): string {
  const params = fn.args.map((a) => `${paramName(a.name)}${a.optional ? '?' : ''}: ${tsType(a)}`).join(', ');
  const lines = [
    '/**',
    ` * ${doc(renderText(fn.description, catalog))}`,
    ` * @customfunction ${fn.name}`,
    ...fn.args.map((a) => ` * @param ${paramName(a.name)} ${doc(renderText(a.help, catalog))}`),
    ` * @returns ${doc(renderText(fn.resultHelp, catalog))}`,
    ' */',
    `export function ${fn.name.toLowerCase()}(${params}): ${resultType(fn)} {`,
    `  return callSizer('${fn.name}', [${fn.args.map((a) => paramName(a.name)).join(', ')}]) as ${resultType(fn)};`,
    '}',
  ];
  return lines.join('\n');
}

/**
 * custom-functions-metadata-plugin appends one `CustomFunctions.associate(id, fn)` call per function to the
 * generated file, at its top level. Outside Excel (a plain browser tab, Node) the global `CustomFunctions` does
 * not exist and those calls would throw a ReferenceError while the shared-runtime page loads. A module-level
 * `CustomFunctions` in the generated file shadows the global for those calls: it forwards to Excel's runtime
 * when there is one and does nothing otherwise. Microsoft documents no behaviour for a missing
 * CustomFunctions (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json, "Associate
 * function names with JSON metadata", only says an unassociated function is not registered).
 */
const ASSOCIATE_SHIM = [
  '/**',
  ' * The webpack plugin appends `CustomFunctions.associate(id, fn)` calls below; this shadows the global so they',
  ' * register with Excel\'s runtime when it exists and are skipped (no ReferenceError) in a plain browser or Node.',
  ' */',
  'type CustomFunction = (...args: never[]) => unknown;',
  '// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the associate calls the plugin appends',
  'const CustomFunctions = {',
  '  associate(id: string, fn: CustomFunction): void {',
  '    const runtime = (globalThis as { CustomFunctions?: { associate?: (id: string, fn: CustomFunction) => void } }).CustomFunctions;',
  "    if (typeof runtime?.associate === 'function') runtime.associate(id, fn);",
  '  },',
  '};',
];

/** The help text is rendered from the catalog the add-in bundles (see CatalogText). */
export function renderExcelFunctionsFile(functions: readonly SizerFunction[], catalog: Catalog): string {
  const header = [
    '/*',
    ' * GENERATED from the function registry (src/functions/registry) by src/functions/codegen/excel-file.ts.',
    ' * Do not edit: change the registry and run `npm run generate`.',
    ' *',
    " * custom-functions-metadata-plugin reads the JSDoc below to build functions.json and registers each",
    ' * @customfunction with the shared runtime; every function is a thin call into the registry.',
    ' */',
    "import { callSizer } from './excel/runtime';",
    '',
    ...ASSOCIATE_SHIM,
    '',
  ].join('\n');
  return `${header}\n${functions.map((fn) => renderFunction(fn, catalog)).join('\n\n')}\n`;
}
