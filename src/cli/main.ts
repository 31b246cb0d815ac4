/**
 * `sizer`: the SIZER engine on the command line.
 *   sizer query                      JSON queries on stdin, one JSON result per line on stdout
 *   sizer export matrix --format csv --out FILE|-
 */
import { type AnchorSet, bundledCalibration, calibrateFromRows, type CalibrationFile, createEngine, formatFromFileName, isSizerError, loadBundledCatalog, MAX_ANCHORS_FILE_CHARS, parseAnchors, parseUserCalibrationRows, SizerError, type UserCalibration } from '../engine';
import { runExport } from './export/command';
import { parseExportArgs, UsageError } from './export/options';
import { runQueries } from './run-query';
import { renderHelp } from './help';
import { readUserFile, utf8BytesFor } from './user-file';

import { SIZER_COMMIT, SIZER_VERSION } from '../version';


function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || (value.startsWith('--') && value !== '-')) throw new UsageError(`--${name} needs a value`);
  return value;
}

/**
 * Reads a private anchors file: a regular file of at most as many bytes as the anchors parser's character
 * limit can take (user-file.ts; refusals exit 2). Errors name the file and the problem's key path only:
 * the parser never echoes a value, and the file text is never printed.
 */
function readAnchors(path: string): AnchorSet {
  // The file first: a device or a huge file is refused (exit 2) before its name's extension is looked at.
  const text = readUserFile(path, 'anchors file', utf8BytesFor(MAX_ANCHORS_FILE_CHARS));
  const format = formatFromFileName(path);
  try {
    return parseAnchors(text, format);
  } catch (error) {
    if (isSizerError(error)) throw new SizerError('invalid_input', `${path}: ${error.message}`);
    throw new SizerError('invalid_input', `${path}: the anchors file could not be read`);
  }
}

/** A lab-rows calibration file is a small table: 1 MB holds thousands of rows. */
const MAX_CALIBRATION_FILE_BYTES = 1_000_000;

/** A user calibration file (JSON lab rows, see docs/query-kinds.md), refitted from the shipped constants. */
function readCalibration(path: string): UserCalibration {
  // Read as defensively as an anchors file: a regular file under the cap, one-line refusal, exit 2.
  const text = readUserFile(path, 'calibration file', MAX_CALIBRATION_FILE_BYTES);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SizerError('invalid_input', `${path}: not valid JSON`);
  }
  try {
    return calibrateFromRows(bundledCalibration(), parseUserCalibrationRows(raw), path);
  } catch (error) {
    if (isSizerError(error)) throw new SizerError('invalid_input', `${path}: ${error.message}`);
    throw error;
  }
}

/** The arguments that are not these options (each option takes one value) or these flags (no value). */
function unknownArgs(args: readonly string[], options: readonly string[], flags: readonly string[] = []): string[] {
  const withValue = options.map((o) => `--${o}`);
  const alone = flags.map((f) => `--${f}`);
  return args.filter((a, i) => !alone.includes(a) && !withValue.includes(a) && !withValue.includes(args[i - 1] ?? ''));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const catalog = loadBundledCatalog();
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(renderHelp(catalog));
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    process.stdout.write(`sizer ${SIZER_VERSION} (${SIZER_COMMIT}, catalog ${catalog.version})\n`);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(renderHelp(catalog));
    return 0;
  }
  if (command === 'query') {
    const anchorsPath = optionValue(rest, 'anchors');
    const calibrationPath = optionValue(rest, 'calibration');
    const unknown = unknownArgs(rest, ['anchors', 'calibration'], ['no-explanation']);
    if (unknown.length > 0) throw new UsageError(`sizer query: unknown argument ${unknown.join(' ')} (valid: --anchors FILE, --calibration FILE, --no-explanation)`);
    const calibration: CalibrationFile | undefined = calibrationPath === undefined ? undefined : readCalibration(calibrationPath).calibration;
    const engine = createEngine(catalog, { anchors: anchorsPath === undefined ? undefined : readAnchors(anchorsPath), calibration });
    const summary = await runQueries(engine, process.stdin, process.stdout, { explanations: !rest.includes('--no-explanation') });
    if (summary.failed > 0) process.stderr.write(`sizer query: ${summary.answered} answered, ${summary.failed} rejected\n`);
    return 0;
  }
  if (command === 'calibrate') {
    const [path, ...extra] = rest;
    if (path === undefined || extra.length > 0) throw new UsageError('sizer calibrate FILE: one calibration file (JSON lab rows)');
    const fitted = readCalibration(path);
    process.stdout.write(
      `${JSON.stringify({
        rows: fitted.rows,
        loo_median_abs_error: fitted.looMedianAbsError,
        loo_geomean_ratio: fitted.looGeomeanRatio,
        constants: fitted.calibration.constants,
        band: fitted.calibration.bands.calibrated,
      })}\n`,
    );
    return 0;
  }
  if (command === 'export') {
    const request = parseExportArgs(rest, catalog);
    const engine = createEngine(catalog, { anchors: request.anchorsPath === null ? undefined : readAnchors(request.anchorsPath) });
    const written = await runExport(engine, request, {
      commitSha: SIZER_COMMIT,
      version: SIZER_VERSION,
      now: new Date(),
      progress: (line) => process.stderr.write(`${line}\n`),
      stdout: (data) => process.stdout.write(data),
    });
    if (written !== 'standard output') process.stderr.write(`sizer: wrote ${written}\n`);
    return 0;
  }
  throw new UsageError(`unknown command "${command}"; valid: query, calibrate, export (see sizer --help)`);
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
