/**
 * The files generated from the function registry, each with its path from the repository root and the
 * function that renders its text. `npm run generate` (scripts/generate.ts, also run before every build)
 * writes them; tests/functions/generated.test.ts fails when a committed one differs from its rendering.
 * No file I/O here: callers pass how to read a file, so this module stays host-neutral.
 */
import { renderQueryKindsDoc } from '../../cli/kinds-doc';
import { QUERY_KINDS } from '../../cli/kinds';
import { loadBundledCatalog } from '../../engine';
import { FUNCTION_GROUPS, SIZER_FUNCTIONS } from '../registry';
import { renderFunctionsDoc } from './docs';
import { renderExcelFunctionsFile } from './excel-file';

export interface GeneratedFile {
  /** Path from the repository root, with forward slashes. */
  readonly path: string;
  readonly render: () => string;
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  // Help text reads catalog facts (quant lists, tier names, defaults), so both render from the shipped catalog.
  { path: 'src/functions/functions.ts', render: () => renderExcelFunctionsFile(SIZER_FUNCTIONS, loadBundledCatalog()) },
  { path: 'docs/functions.md', render: () => renderFunctionsDoc(FUNCTION_GROUPS, loadBundledCatalog()) },
  // Every `sizer query` kind, from the kinds registry and each kind's schema (src/cli/kinds-doc.ts).
  { path: 'docs/query-kinds.md', render: () => renderQueryKindsDoc(QUERY_KINDS, loadBundledCatalog()) },
];

/** The command that rewrites every generated file; stale-file messages name it. */
export const GENERATE_COMMAND = 'npm run generate';

export interface StaleFile {
  readonly path: string;
  /** The text the registry renders now. */
  readonly wanted: string;
  /** Names the file, says how it differs and which command fixes it. */
  readonly message: string;
}

/** The first line where two texts differ, so a message shows what changed without a whole-file diff. */
function firstDifference(current: string, wanted: string): string {
  const have = current.split('\n');
  const want = wanted.split('\n');
  const index = have.findIndex((text, i) => text !== want[i]);
  const at = index === -1 ? have.length : index;
  return `line ${at + 1} is ${JSON.stringify(have[at] ?? '<end of file>')}, the registry renders ${JSON.stringify(want[at] ?? '<end of file>')}`;
}

/** The generated files whose current text (`read` answers null for a missing file) is not what they render to. */
export function staleGeneratedFiles(read: (path: string) => string | null, files: readonly GeneratedFile[] = GENERATED_FILES): StaleFile[] {
  return files.flatMap((file) => {
    const wanted = file.render();
    const current = read(file.path);
    if (current === wanted) return [];
    const how = current === null ? 'is missing' : `is stale (${firstDifference(current, wanted)})`;
    return [{ path: file.path, wanted, message: `${file.path} ${how}: run \`${GENERATE_COMMAND}\` and commit the result.` }];
  });
}
