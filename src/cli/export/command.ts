/** `sizer export <sheet>|workbook --format xlsx|csv --out FILE|-` and its sizing options. */
import { type Engine } from '../../engine';
import { readFileSync } from 'node:fs';
import { basisOf, buildPlanSheet, buildSheet, buildWorkbook, type SheetModel, withBasisNote } from '../../report';
import { parsePlanFile, planInputsFromJson } from '../plan/schema';
import { checkOutputFolder, isoSeconds, writeFileAtomically } from './atomic';
import { sheetToCsv } from './csv';
import { exportMatrixCsv } from './matrix-csv';
import { checkExportValues, checkOptionsRead, trackConfigReads } from './option-checks';
import type { ExportRequest } from './options';

export interface ExportEnvironment {
  readonly commitSha: string;
  readonly version: string;
  readonly now: Date;
  /** A progress line on standard error. */
  readonly progress: (line: string) => void;
  readonly stdout: (data: string | Uint8Array) => void;
}

/** The pipelines (key and label, by track) and tiers the export options take, one per line. */
function listChoices(engine: Engine): string {
  const lines = ['pipelines (--pipeline):'];
  for (const p of engine.catalog.pipelines) lines.push(`  ${p.key}  ${p.label}`);
  lines.push('tiers (--tier):');
  for (const t of engine.catalog.ladder) lines.push(`  ${t.id}  ${t.name}`);
  return lines.join('\n') + '\n';
}

export async function runExport(engine: Engine, request: ExportRequest, env: ExportEnvironment): Promise<string> {
  // Refused before anything is built: a bad value, an --out naming the other format, a missing folder.
  checkExportValues(engine, request);
  if (request.out !== '-') checkOutputFolder(request.out);
  const provenance = [`SIZER ${env.version} (${env.commitSha}), catalog ${engine.catalog.version}, exported ${isoSeconds(env.now)}`];
  // The sheets are built with a configuration that records what they read, to refuse options they ignore.
  const tracked = trackConfigReads(request.config);
  let output: string | Uint8Array;
  if (request.list) {
    // The reference exporter's --list: what --pipeline and --tier take.
    output = listChoices(engine);
  } else if (request.target === 'procurement') {
    const file = request.requirementsPath ?? '';
    const { requirements, options } = planInputsFromJson(engine, parsePlanFile(readFileSync(file, 'utf8'), file));
    // The LLM's decode (hence its duty cycle and the devices it needs) on the basis asked for, as SIZER.PLAN's basis argument.
    const model = withBasisNote(engine, tracked.config, buildPlanSheet(engine, requirements, { ...options, basis: basisOf(tracked.config) }, [`Requirements: ${file}`]));
    if (request.format === 'csv') output = sheetToCsv(model, provenance, request.headerComments);
    else {
      const { sheetsToXlsx } = await import(/* webpackChunkName: "cli-xlsx" */ './xlsx');
      output = await sheetsToXlsx([model], provenance, () => undefined);
    }
  } else if (request.format === 'csv' && request.target === 'matrix') {
    // The matrix CSV keeps the reference's exact layout (caveat header, 30 columns with provenance).
    const basis = basisOf(tracked.config);
    checkOptionsRead(request, tracked.reads);
    output = exportMatrixCsv(engine, { commitSha: env.commitSha, now: env.now, headerComments: request.headerComments, basis });
  } else if (request.format === 'csv') {
    const model = buildSheet(engine, request.target === 'workbook' ? 'this-config' : request.target, tracked.config);
    checkOptionsRead(request, tracked.reads);
    output = sheetToCsv(model, provenance, request.headerComments);
  } else {
    const models: SheetModel[] =
      request.target === 'workbook'
        ? buildWorkbook(engine, tracked.config, (done, total) => {
            if (done === total) env.progress(`sizer: matrix ${total} rows built`);
          })
        : [buildSheet(engine, request.target, tracked.config)];
    checkOptionsRead(request, tracked.reads);
    // exceljs (about half the CLI's code) is loaded only here, from its own chunk (dist/cli-xlsx.js), so
    // every other command starts without reading or compiling it.
    const { sheetsToXlsx } = await import(/* webpackChunkName: "cli-xlsx" */ './xlsx');
    output = await sheetsToXlsx(models, provenance, (i, model) => env.progress(`sizer: writing sheet ${i + 1}/${models.length}: ${model.name} (${model.rows.length} rows)`));
  }
  if (request.out === '-') {
    env.stdout(output);
    return 'standard output';
  }
  writeFileAtomically(request.out, output);
  return request.out;
}
