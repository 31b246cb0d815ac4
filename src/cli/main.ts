/**
 * `sizer`: the SIZER engine on the command line.
 *   sizer query                      JSON queries on stdin, one JSON result per line on stdout
 *   sizer export matrix --format csv --out FILE|-
 */
import { readFileSync } from 'node:fs';
import { type AnchorSet, createBundledEngine, formatFromFileName, isSizerError, parseAnchors, SizerError } from '../engine';
import { exportMatrixCsv, writeFileAtomically } from './export-matrix';
import { runQueries } from './run-query';
import { HELP } from './help';

import { SIZER_COMMIT, SIZER_VERSION } from '../version';

class UsageError extends Error {}

function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || (value.startsWith('--') && value !== '-')) throw new UsageError(`--${name} needs a value`);
  return value;
}

/**
 * Reads a private anchors file. Errors name the file and the problem's key path only: the parser
 * never echoes a value, and the file text is never printed.
 */
function readAnchors(path: string): AnchorSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new SizerError('invalid_input', `cannot read anchors file ${path} (${code})`);
  }
  try {
    return parseAnchors(text, formatFromFileName(path));
  } catch (error) {
    if (isSizerError(error)) throw new SizerError('invalid_input', `${path}: ${error.message}`);
    throw new SizerError('invalid_input', `${path}: the anchors file could not be read`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    const engine = createBundledEngine();
    process.stdout.write(`sizer ${SIZER_VERSION} (${SIZER_COMMIT}, catalog ${engine.catalog.version})\n`);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === 'query') {
    const anchorsPath = optionValue(rest, 'anchors');
    const unknown = rest.filter((a, i) => a !== '--anchors' && rest[i - 1] !== '--anchors');
    if (unknown.length > 0) throw new UsageError(`sizer query: unknown argument ${unknown.join(' ')} (valid: --anchors FILE)`);
    const engine = createBundledEngine({ anchors: anchorsPath === undefined ? undefined : readAnchors(anchorsPath) });
    const summary = await runQueries(engine, process.stdin, process.stdout);
    if (summary.failed > 0) process.stderr.write(`sizer query: ${summary.answered} answered, ${summary.failed} rejected\n`);
    return 0;
  }
  const engine = createBundledEngine();
  if (command === 'export') {
    const [sheet, ...options] = rest;
    if (sheet !== 'matrix') throw new UsageError(`unknown sheet ${JSON.stringify(sheet ?? '')}; valid: matrix`);
    const format = optionValue(options, 'format') ?? 'csv';
    if (format !== 'csv') throw new UsageError(`unknown format "${format}"; valid: csv`);
    const out = optionValue(options, 'out');
    if (out === undefined) throw new UsageError('export needs --out FILE (or --out - for standard output)');
    const quiet = out === '-' || !process.stderr.isTTY;
    const csv = exportMatrixCsv(engine, {
      out,
      commitSha: SIZER_COMMIT,
      now: new Date(),
      progress: (message) => {
        if (!quiet) process.stderr.write(`\r${message}`);
      },
    });
    if (!quiet) process.stderr.write('\n');
    if (out === '-') process.stdout.write(csv);
    else {
      writeFileAtomically(out, csv);
      process.stderr.write(`sizer: wrote ${out}\n`);
    }
    return 0;
  }
  throw new UsageError(`unknown command "${command}"; valid: query, export (see sizer --help)`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`sizer: ${error.message}\n`);
      process.exitCode = 2;
    } else if (isSizerError(error)) {
      process.stderr.write(`sizer: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      const e = error as NodeJS.ErrnoException;
      process.stderr.write(`sizer: ${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
