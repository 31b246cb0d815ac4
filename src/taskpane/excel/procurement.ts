/**
 * "Insert procurement model": an Inputs sheet a buyer fills in, where every result is a live SIZER.*
 * formula. Input cells carry sheet-scoped names (Tier, Pipeline, Cameras, ...), so the formulas read
 * like the question ("=SIZER.MAXSTREAMS(Tier, Pipeline, Resolution, TargetFps, ...)") and a second
 * copy of the sheet keeps its own names. Drop-down lists come from SIZER.* lookup functions spilled
 * into a Lists area on the same sheet (data validation reads the spill, e.g. =$F$6#), so they follow
 * the catalog and, for memory upgrades and models, the chosen tier.
 *
 * procurementLayout is pure (what goes where); writeProcurementModel applies it with the writer's
 * planning and ownership rules: one or two syncs to plan, one for the cells and formulas (calculation
 * NOT suspended, so the lookups compute and spill), then one for the drop-downs that read those
 * spills, the active sheet and selection, and the closing recalculation request.
 */
import { answerKindText, type Catalog, listText, memoryUpgradeTierNames, npuShareDefaultsText, precisionSetIds, precisionSetTierNames, type ProjectionBasis, quantKeys, resolutionNames } from '../../engine';
import { cellAddress, columnLetter } from '../../report';
import type { WrittenSheet } from '../ports';
import { COMPARISON_SHEET } from './comparison';
import { basisArgumentTail, cellFormat, columnWidthPoints } from './cells';
import { writeNamedInputs, writeSheetHead } from './input-block';
import { type ExcelRun, finishAction, planSheets, prepareSheet, RUN_OPTIONS, suspendScreenUpdating } from './writer';

/** The starting values of the input cells (the pane fills them from its configuration). */
export interface ProcurementInputs {
  readonly tier: string;
  readonly memory: string | null;
  readonly precisionSet: string | null;
  readonly npuShare: number;
  readonly pipeline: string;
  readonly resolution: string;
  readonly cameras: number;
  readonly targetFps: number;
  readonly model: string;
  readonly quant: string;
  readonly workload: string;
  readonly queriesPerMinute: number;
  readonly answerKind: string;
  readonly unitPrice: number;
  /**
   * The pane's basis: on the calibrated basis the formulas whose numbers read LLM decode pass it
   * (absent or reference: the formulas as written before the basis existed). Decision 0033.
   */
  readonly basis?: ProjectionBasis | null;
  /** The sheet's basis line (report/basis.ts basisNote), last among its notes. */
  readonly basisNote?: string | null;
}

export interface ProcurementInputCell {
  readonly name: string;
  readonly label: string;
  readonly value: string | number;
  readonly numberFormat: string;
  readonly meaning: string;
  /** Data-validation list source: a spill reference into the Lists area, or a literal comma list. */
  readonly list: string | null;
  /**
   * True when a typed value that is not in the list is still a good input (a custom tier, a memory
   * key such as lpddr6-14): its drop-down warns with an Information alert, which lets the value in,
   * instead of the default Stop, which refuses it. "Only `stop` actually prevents the user from adding
   * invalid data" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation,
   * "Create validation error alerts"; the default style is Stop:
   * https://learn.microsoft.com/javascript/api/excel/excel.datavalidationalertstyle).
   */
  readonly acceptsOtherValues: boolean;
  /** What the drop-down's alert says about a value not in the list. */
  readonly alertMessage: string;
}

export interface ProcurementResultCell {
  readonly name: string;
  readonly label: string;
  readonly formula: string;
  /** Never "@": a formula written into a text-formatted cell would stay text. */
  readonly numberFormat: string;
  readonly meaning: string;
}

export interface ProcurementListColumn {
  readonly header: string;
  readonly formula: string;
}

export interface ProcurementLayout {
  readonly sheetName: string;
  readonly title: string;
  readonly notes: readonly string[];
  /** 0-based sheet rows of the section headers. */
  readonly inputsHeaderRow: number;
  readonly resultsHeaderRow: number;
  readonly inputs: readonly ProcurementInputCell[];
  readonly results: readonly ProcurementResultCell[];
  /** Lists area: headers on inputsHeaderRow, spilled lookups below, from column LISTS_COLUMN. */
  readonly lists: readonly ProcurementListColumn[];
  /** A link to the procurement comparison sheet (every tier at once), below the results. */
  readonly comparisonLink: { readonly row: number; readonly formula: string };
}

export const PROCUREMENT_SHEET = 'Inputs';
/** Columns: A label, B value (the named cell), C name, D meaning; the Lists area starts at F. */
export const VALUE_COLUMN = 1;
export const LISTS_COLUMN = 5;
const WIDTHS = [34, 30, 18, 70];
const LIST_WIDTH = 30;
const RESULT_FILL = '#E2EFDA';

/** Spill reference to list column i of the Lists area (absolute, as data validation needs). */
function listRef(i: number, firstListRow: number): string {
  return `=$${columnLetter(LISTS_COLUMN + i)}$${firstListRow + 1}#`;
}

/** The inputs' meanings and the precision-set list come from the catalog, as the function help does. */
export function procurementLayout(inputs: ProcurementInputs, catalog: Catalog): ProcurementLayout {
  const title = 'SIZER procurement model';
  const notes = [
    'Yellow cells are inputs: each is a named cell (column C) with a drop-down fed by SIZER.* lookups. Green cells are live SIZER.* formulas.',
    'Change an input and every result recalculates. Memory upgrade and precision set: leave blank (or "stock") for the stock part.',
    ...(inputs.basisNote ? [inputs.basisNote] : []),
  ];
  const inputsHeaderRow = notes.length + 2;
  const firstListRow = inputsHeaderRow + 1;
  const lists: ProcurementListColumn[] = [
    { header: 'Tiers', formula: '=SIZER.TIERS()' },
    // "stock" first: SIZER.MEMORY lists only the upgrades for a tier that offers them.
    { header: 'Memory upgrades (for Tier)', formula: '=UNIQUE(VSTACK("stock", SIZER.MEMORY(Tier)))' },
    { header: 'Pipelines', formula: '=SIZER.PIPELINES()' },
    { header: 'Resolutions', formula: '=SIZER.RESOLUTIONS()' },
    { header: 'Models (runnable on Tier first)', formula: '=SIZER.MODELS(Tier)' },
    { header: 'Quants', formula: '=SIZER.QUANTS()' },
    { header: 'Workloads', formula: '=SIZER.WORKLOADS()' },
  ];
  const list = (header: string): string => listRef(lists.findIndex((l) => l.header === header), firstListRow);
  // Text inputs keep the General format, never "@": a formula typed or written into a text-formatted
  // cell stays text, and the Tier cell must take =SIZER.CUSTOMTIER(...) (any input may be a formula).
  const text = (name: string, label: string, value: string | null, meaning: string, source: string | null, acceptsOtherValues = false): ProcurementInputCell => ({
    name,
    label,
    value: value ?? '',
    numberFormat: 'General',
    meaning,
    list: source,
    acceptsOtherValues,
    alertMessage: acceptsOtherValues ? `Not in the list. SIZER uses it if it is a valid ${label.toLowerCase()}; otherwise the results show #VALUE! saying why.` : `Pick a ${label.toLowerCase()} from the list.`,
  });
  const number = (name: string, label: string, value: number, numberFormat: string, meaning: string): ProcurementInputCell => ({
    name,
    label,
    value,
    numberFormat,
    meaning,
    list: null,
    acceptsOtherValues: true,
    alertMessage: '',
  });
  const answerLengths = answerKindText(catalog);
  const cells: ProcurementInputCell[] = [
    text('Tier', 'Tier', inputs.tier, 'Preset tier, or a custom tier: =SIZER.CUSTOMTIER(...) or its text', list('Tiers'), true),
    text('MemoryUpgrade', 'Memory upgrade', inputs.memory, `Blank or "stock" = stock memory (${listText(memoryUpgradeTierNames(catalog), 'and')} offer upgrades; keys such as lpddr6-14 work too)`, list('Memory upgrades (for Tier)'), true),
    text('PrecisionSet', 'Precision set', inputs.precisionSet, `Blank = stock; ${listText(precisionSetTierNames(catalog), 'and')} only`, precisionSetIds(catalog).join(',')),
    number('NpuShare', 'NPU share', inputs.npuShare, '0%', `Share of the NPU the workloads get (tier default ${npuShareDefaultsText(catalog, (s) => `${Math.round(s * 100)}%`)})`),
    text('Pipeline', 'Vision pipeline', inputs.pipeline, 'Vision pipeline key', list('Pipelines')),
    text('Resolution', 'Camera resolution', inputs.resolution, listText(resolutionNames(catalog)), list('Resolutions')),
    number('Cameras', 'Cameras to cover', inputs.cameras, '0', 'Camera streams across the whole deployment'),
    number('TargetFps', 'Target FPS per camera', inputs.targetFps, '0.0', 'Frames per second every stream needs'),
    text('Model', 'LLM model', inputs.model, 'LLM model key (models the tier cannot run come last)', list('Models (runnable on Tier first)')),
    text('Quant', 'Quant', inputs.quant, listText(quantKeys(catalog)), list('Quants')),
    text('Workload', 'Workload pattern', inputs.workload, 'LLM workload pattern', list('Workloads')),
    number('QueriesPerMinute', 'LLM queries per minute per device', inputs.queriesPerMinute, '0.0', 'LLM queries each device answers per minute'),
    text('AnswerKind', 'Answer length', inputs.answerKind, `short (~${answerLengths.short}) or rag (${answerLengths.rag})`, 'short,rag'),
    number('UnitPrice', 'Unit price per device', inputs.unitPrice, '#,##0.00', 'Your price for one device'),
  ];
  const hw = 'Tier, Pipeline, Resolution';
  const opts = 'NpuShare, MemoryArg, PrecisionArg';
  // DUTY and FPSUNDERLLM take basis right after these; TOKPS after fp4_maturity (left blank).
  const llm = `QueriesPerMinute, AnswerKind, Quant, Workload, Model, NpuShare, MemoryArg, PrecisionArg${basisArgumentTail(inputs.basis, 0)}`;
  const results: ProcurementResultCell[] = [
    { name: 'MemoryArg', label: 'Memory upgrade as passed', formula: '=IF(OR(MemoryUpgrade="",LOWER(MemoryUpgrade)="stock"),"",MemoryUpgrade)', numberFormat: 'General', meaning: 'Blank for stock memory' },
    { name: 'PrecisionArg', label: 'Precision set as passed', formula: '=IF(PrecisionSet="","",PrecisionSet)', numberFormat: 'General', meaning: 'Blank for the stock precision set' },
    { name: 'StreamsPerDevice', label: 'Streams per device at target FPS', formula: `=SIZER.MAXSTREAMS(${hw}, TargetFps, ${opts})`, numberFormat: '0', meaning: 'Per-device capacity: the most streams that each keep the target FPS (0 = not even one)' },
    { name: 'FpsPerStream', label: 'FPS per stream at that load', formula: `=IF(StreamsPerDevice=0, NA(), SIZER.VISIONFPS(${hw}, StreamsPerDevice, ${opts}))`, numberFormat: '0.0', meaning: 'Vision alone' },
    { name: 'DevicesNeeded', label: 'Devices needed', formula: '=IF(StreamsPerDevice=0, NA(), ROUNDUP(Cameras/StreamsPerDevice, 0))', numberFormat: '0', meaning: 'Cameras / streams per device, rounded up' },
    { name: 'TotalCost', label: 'Total cost', formula: '=DevicesNeeded*UnitPrice', numberFormat: '#,##0.00', meaning: 'Devices needed x unit price' },
    { name: 'DecodeTokS', label: 'LLM decode tok/s', formula: `=SIZER.TOKPS(Tier, Model, Quant, Workload, ${opts}${basisArgumentTail(inputs.basis, 1)})`, numberFormat: '0.0', meaning: '#N/A when the tier cannot run the model (dtype mismatch)' },
    { name: 'LlmSource', label: 'LLM source badge', formula: `=SIZER.LLM(Tier, Model, Quant, Workload, NpuShare, "source", MemoryArg, PrecisionArg)`, numberFormat: 'General', meaning: 'measured, measured_anchor, same_class_anchor, cross_class ...' },
    { name: 'LlmFits', label: 'LLM fits in memory', formula: '=SIZER.FITS(Tier, Model, Quant, MemoryArg, PrecisionArg)', numberFormat: 'General', meaning: 'TRUE when the weights fit' },
    { name: 'DutyCycle', label: 'LLM duty cycle', formula: `=SIZER.DUTY(Tier, ${llm})`, numberFormat: '0%', meaning: 'Share of NPU time the LLM takes; 100% or more starves vision' },
    { name: 'FpsUnderLlm', label: 'FPS per stream under LLM load', formula: `=IF(StreamsPerDevice=0, NA(), SIZER.FPSUNDERLLM(${hw}, StreamsPerDevice, ${llm}))`, numberFormat: '0.0', meaning: 'Vision FPS left when the LLM time-slices the NPU' },
  ];
  const resultsHeaderRow = inputsHeaderRow + cells.length + 2;
  const comparisonLink = {
    row: resultsHeaderRow + results.length + 2,
    formula: `=HYPERLINK("#'${COMPARISON_SHEET}'!A1", "Every tier at once: the ${COMPARISON_SHEET} sheet (pane: Insert procurement comparison)")`,
  };
  return { sheetName: PROCUREMENT_SHEET, title, notes, inputsHeaderRow, resultsHeaderRow, inputs: cells, results, lists, comparisonLink };
}

/** Writes the procurement model: planning syncs, the cells, then the drop-downs (see the header comment). */
export async function writeProcurementModel(run: ExcelRun, inputs: ProcurementInputs, catalog: Catalog): Promise<WrittenSheet> {
  const layout = procurementLayout(inputs, catalog);
  return run(RUN_OPTIONS, async (context) => {
    const [plan] = await planSheets(context, [{ name: layout.sheetName, tableName: null }]);
    suspendScreenUpdating(context);
    const sheet = prepareSheet(context, plan!);

    writeSheetHead(sheet, layout.title, layout.notes);
    // Inputs (named first, so the lists and results can use them): header row, then label, value, name, meaning.
    writeNamedInputs(sheet, layout.inputsHeaderRow, 'Input', layout.inputs);
    const inputCell = (i: number): Excel.Range => sheet.getRangeByIndexes(layout.inputsHeaderRow + 1 + i, VALUE_COLUMN, 1, 1);
    layout.results.forEach((cell, i) => {
      const target = sheet.getRangeByIndexes(layout.resultsHeaderRow + 1 + i, VALUE_COLUMN, 1, 1);
      sheet.names.add(cell.name, target, cell.meaning);
      target.format.fill.color = RESULT_FILL;
    });

    // Lists: headers, then one spilling SIZER lookup per column.
    const listRange = sheet.getRangeByIndexes(layout.inputsHeaderRow, LISTS_COLUMN, 2, layout.lists.length);
    listRange.numberFormat = [layout.lists.map(() => 'General'), layout.lists.map(() => 'General')];
    listRange.formulas = [layout.lists.map((l) => l.header), layout.lists.map((l) => l.formula)];
    sheet.getRangeByIndexes(layout.inputsHeaderRow, LISTS_COLUMN, 1, layout.lists.length).format.font.bold = true;

    // Results: header row, then label, live formula, name, meaning.
    const resultRows = [['Result', 'Value', 'Name', 'Meaning'], ...layout.results.map((c) => [c.label, c.formula, c.name, c.meaning])];
    const resultRange = sheet.getRangeByIndexes(layout.resultsHeaderRow, 0, resultRows.length, 4);
    resultRange.numberFormat = resultRows.map((row, r) => row.map((v, c) => (r > 0 && c === VALUE_COLUMN ? layout.results[r - 1]!.numberFormat : cellFormat(v, 'General'))));
    resultRange.formulas = resultRows;
    sheet.getRangeByIndexes(layout.resultsHeaderRow, 0, 1, 4).format.font.bold = true;
    const link = sheet.getRangeByIndexes(layout.comparisonLink.row, 0, 1, 1);
    link.numberFormat = [['General']];
    link.formulas = [[layout.comparisonLink.formula]];

    WIDTHS.forEach((width, i) => {
      const letter = columnLetter(i);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(width);
    });
    layout.lists.forEach((_, i) => {
      const letter = columnLetter(LISTS_COLUMN + i);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(LIST_WIDTH);
    });
    // Calculation is not suspended here: the lookups must compute and spill in this sync, before the
    // drop-downs that read their spills are added.
    await context.sync();

    // Drop-downs on the input cells, reading the spills that now exist.
    layout.inputs.forEach((cell, i) => {
      if (cell.list === null) return;
      const target = inputCell(i);
      target.dataValidation.clear();
      target.dataValidation.rule = { list: { inCellDropDown: true, source: cell.list } };
      target.dataValidation.errorAlert = {
        showAlert: true,
        style: (cell.acceptsOtherValues ? 'Information' : 'Stop') as Excel.DataValidationAlertStyle,
        title: cell.label,
        message: cell.alertMessage,
      };
    });
    // The sheet is activated before a cell on it is selected (finishAction activates, then selects).
    await finishAction(context, sheet, sheet.getRange(cellAddress(layout.inputsHeaderRow + 1, VALUE_COLUMN)));
    return { requested: plan!.requested, written: plan!.name, replaced: plan!.reuse !== null };
  });
}
