/**
 * A recording fake of the Office.js objects the task pane uses, at least as strict as Excel where it
 * matters (each rule cites what it rests on; "strict" marks a rule the fake enforces where Excel's
 * behaviour is undocumented, so code that passes here does not rely on leniency):
 *   - commands are queued and run at context.sync(), in order (a write never synced never lands);
 *   - loaded properties (collection items, isNullObject, value) can only be read after a load and a sync;
 *   - cells behave like Excel's: a string starting with "=" becomes a formula unless the cell's number
 *     format is "@" (text) or it starts with an apostrophe; "+1" becomes a number; shapes must match.
 *     A formula written into a text-formatted cell is stored as text, through `values` and `formulas`
 *     alike (strict: documented only for typed entry, by third parties, e.g.
 *     https://wisechecker.com/excel-formula-showing-as-text-instead-of-result-reset-cell-format/);
 *   - sheet names are unique without case, table names workbook-wide, names per sheet;
 *   - suspendScreenUpdatingUntilNextSync and suspendApiCalculationUntilNextSync last until the next
 *     sync and no longer ("Suspends ... until the next `context.sync()` is called",
 *     https://learn.microsoft.com/javascript/api/excel/excel.application); each screen suspension is
 *     counted, because "Repeated calls will cause the Excel window to flicker" (same page);
 *   - a batch run with calculation suspended that changed anything leaves a recalculation owed
 *     ("Once set, it is the developer's responsibility to re-calc the workbook", same page) until
 *     application.calculate() runs in a batch that is not suspended (strict: a calculate() inside a
 *     suspended batch does not count);
 *   - formulas compute (and dynamic arrays spill) at the end of a sync whose calculation was not
 *     suspended; a data-validation list whose source is a spill reference ("=$F$6#") fails unless that
 *     cell holds a formula computed by an earlier sync (strict: office-js does not document spill
 *     references as list sources);
 *   - Range.select() fails on a sheet that is not the active one (strict: office-js issue #5118 reports
 *     select() working reliably only on the active sheet);
 *   - with `state.ignoresNameVisibility`, setting a name's `visible` to false does nothing, as office-js
 *     issues #3878 and #3949 report for Excel on Windows;
 *   - while `state.startCellEdit()` is in force, Excel.run fails with InvalidOperation unless it was
 *     given { delayForCellEdit: true }, in which case it waits for `state.endCellEdit()`
 *     (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit,
 *     "Behavior comparison").
 * Every sync is recorded as a batch with its commands and whether calculation and screen updating
 * were suspended.
 *
 * SELF-CONTAINED ON PURPOSE (no imports): tests/e2e transpiles this file into the script that answers
 * the Office.js CDN request in headless Chromium, so unit tests and the end-to-end run share one fake.
 */

export type Scalar = string | number | boolean;

export interface CellState {
  value: Scalar;
  /** The formula when the cell holds one. */
  formula: string | null;
  numberFormat: string;
}

export interface TableState {
  name: string;
  sheet: string;
  address: string;
  hasHeaders: boolean;
  style: string | null;
}

export interface SeriesState {
  name: string | null;
  values: string | null;
  xValues: string | null;
  /** Set only when a series' own type differs from the chart's (a combo chart). */
  chartType?: string;
  axisGroup?: string;
  lineColor?: string;
  lineStyle?: string;
  fillColor?: string;
  markerStyle?: string;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  /** Fill colours of single points by index (ChartPoint.format.fill). */
  pointFills?: Record<number, string>;
}

export interface AxisState {
  title: string | null;
  maximum?: number;
  scaleType?: string;
  logBase?: number;
}

export interface ChartState {
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  categoryAxisTitle: string | null;
  valueAxisTitle: string | null;
  series: SeriesState[];
  position: [string, string] | null;
  /** The secondary value axis, once a series is on the secondary group and the axis was used. */
  secondaryValueAxis?: AxisState;
  /** Scale of the category (x) axis when set (scatter charts only). */
  categoryAxisScale?: { scaleType?: string; logBase?: number };
}

export interface NameState {
  name: string;
  reference: string;
  comment: string | null;
  visible: boolean;
}

export interface ConditionalFormatState {
  address: string;
  type: string;
  fill: string | null;
  fontColor: string | null;
  rule: unknown;
}

/** What Worksheet.pageLayout was given; null where nothing was set. */
export interface PageLayoutState {
  orientation: string | null;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | null;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  headersFooters: Record<string, string>;
}

export interface SheetState {
  name: string;
  cells: Map<string, CellState>;
  names: NameState[];
  tables: TableState[];
  charts: ChartState[];
  frozenRows: number;
  columnWidths: Record<string, number>;
  /** Range format properties set (font, fill), in order. */
  formats: { address: string; property: string; value: unknown }[];
  conditionalFormats: ConditionalFormatState[];
  dataValidation: Record<string, unknown>;
  /** Data-validation error alerts by address (Excel's default when none is set: a Stop alert). */
  validationAlerts: Record<string, unknown>;
  /** Worksheet custom properties (Worksheet.customProperties, ExcelApi 1.12). */
  customProperties: Record<string, string>;
  /** Print layout (Worksheet.pageLayout, ExcelApi 1.9). */
  pageLayout: PageLayoutState;
  /** Addresses of formula cells computed since they were last written (their spills exist). */
  computed: Set<string>;
  selected: string | null;
}

export interface Command {
  readonly sheet: string;
  readonly op: string;
  readonly address?: string;
  readonly value?: unknown;
}

export interface Batch {
  readonly commands: Command[];
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
}

export class FakeWorkbookState {
  sheets: SheetState[] = [];
  batches: Batch[] = [];
  runs = 0;
  active: string | null = null;
  /** The options each Excel.run was given, in order. */
  runOptions: Record<string, unknown>[] = [];
  /** suspendScreenUpdatingUntilNextSync calls, all runs together. */
  screenSuspensions = 0;
  /** True while a batch that ran with calculation suspended still awaits a recalculation request. */
  calculationOwed = false;
  /** application.calculate() requests that took effect (not suspended), in order. */
  calculations: string[] = [];
  /** Models Excel on Windows ignoring `visible = false` on names (office-js #3878, #3949). */
  ignoresNameVisibility = false;
  private cellEdit: { done: Promise<void>; end: () => void } | null = null;

  /** The user starts editing a cell: Excel.run now fails, or waits if it asked to. */
  startCellEdit(): void {
    let end = (): void => undefined;
    const done = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { done, end };
  }

  endCellEdit(): void {
    this.cellEdit?.end();
    this.cellEdit = null;
  }

  /** Resolves when the user is not editing a cell (at once when they are not). */
  get cellEditDone(): Promise<void> | null {
    return this.cellEdit?.done ?? null;
  }

  get syncs(): number {
    return this.batches.length;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Adds a sheet as a user would (no SIZER mark), optionally with cells. */
  addUserSheet(name: string, cells: Record<string, Scalar> = {}): SheetState {
    const sheet = newSheet(name);
    for (const [address, value] of Object.entries(cells)) sheet.cells.set(address, { value, formula: null, numberFormat: 'General' });
    this.sheets.push(sheet);
    return sheet;
  }

  allTables(): TableState[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  commands(): Command[] {
    return this.batches.flatMap((b) => b.commands);
  }

  /** A plain summary (for the e2e test, which reads it through page.evaluate). */
  summary(): unknown {
    return {
      syncs: this.syncs,
      runs: this.runs,
      active: this.active,
      screenSuspensions: this.screenSuspensions,
      calculationOwed: this.calculationOwed,
      calculations: this.calculations,
      runOptions: this.runOptions,
      batches: this.batches.map((b) => ({ commands: b.commands.length, calculationSuspended: b.calculationSuspended, screenUpdatingSuspended: b.screenUpdatingSuspended })),
      sheets: this.sheets.map((s) => ({
        name: s.name,
        names: s.names,
        tables: s.tables,
        charts: s.charts,
        frozenRows: s.frozenRows,
        columnWidths: s.columnWidths,
        conditionalFormats: s.conditionalFormats,
        dataValidation: s.dataValidation,
        cells: Object.fromEntries([...s.cells.entries()].map(([a, c]) => [a, c])),
      })),
    };
  }
}

function newSheet(name: string): SheetState {
  return {
    name,
    cells: new Map(),
    names: [],
    tables: [],
    charts: [],
    frozenRows: 0,
    columnWidths: {},
    formats: [],
    conditionalFormats: [],
    dataValidation: {},
    validationAlerts: {},
    customProperties: {},
    pageLayout: { orientation: null, zoom: null, printTitleRows: null, printTitleColumns: null, headersFooters: {} },
    computed: new Set(),
    selected: null,
  };
}

class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function parseAddress(address: string): Box {
  const clean = address.replace(/\$/g, '').replace(/^.*!/, '');
  const column = /^([A-Z]+):([A-Z]+)$/i.exec(clean);
  if (column) {
    const c0 = columnIndex(column[1]!);
    return { row: 0, col: c0, rows: MAX_ROWS, cols: columnIndex(column[2]!) - c0 + 1 };
  }
  const parts = clean.split(':');
  const cell = (text: string): { row: number; col: number } => {
    const m = /^([A-Z]+)(\d+)$/i.exec(text);
    if (!m) throw new OfficeError('InvalidArgument', `bad address ${address}`);
    return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
  };
  const start = cell(parts[0]!);
  const end = parts[1] ? cell(parts[1]) : start;
  return { row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

function boxAddress(box: Box): string {
  if (box.rows === MAX_ROWS && box.cols === MAX_COLS) return 'ALL';
  if (box.rows === MAX_ROWS) return `${columnName(box.col)}:${columnName(box.col + box.cols - 1)}`;
  const start = a1(box.row, box.col);
  return box.rows === 1 && box.cols === 1 ? start : `${start}:${a1(box.row + box.rows - 1, box.col + box.cols - 1)}`;
}

// ---------------------------------------------------------------------------------------------
// Request context: queued commands, loads, sync

type Op = () => void;

export interface FakeApplication {
  suspendApiCalculationUntilNextSync(): void;
  suspendScreenUpdatingUntilNextSync(): void;
  calculate(calculationType: string): void;
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  /** context.application and context.workbook.application are the same object. */
  readonly application: FakeApplication;
  private queue: { op: Op; command: Command | null }[] = [];
  private calc = false;
  private screen = false;

  constructor(readonly state: FakeWorkbookState) {
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.calc = true;
      },
      suspendScreenUpdatingUntilNextSync: () => {
        this.screen = true;
        this.state.screenSuspensions++;
      },
      calculate: (calculationType: string) => {
        const suspended = (): boolean => this.calc;
        // Whether it counts is decided when the batch runs (the suspension may come later in the batch).
        this.enqueue({ sheet: '', op: 'application.calculate', value: calculationType }, () => {
          if (suspended()) return;
          this.state.calculations.push(calculationType);
          this.state.calculationOwed = false;
        });
      },
    };
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(command: Command | null, op: Op): void {
    this.queue.push({ op, command });
  }

  async sync(): Promise<void> {
    const queued = this.queue;
    this.queue = [];
    const batch: Batch = { commands: [], calculationSuspended: this.calc, screenUpdatingSuspended: this.screen };
    this.state.batches.push(batch);
    try {
      for (const { op, command } of queued) {
        if (command) batch.commands.push(command);
        op();
      }
    } finally {
      const wrote = batch.commands.some((c) => c.op !== 'application.calculate' && c.op !== 'select' && c.op !== 'activate');
      if (this.calc) {
        if (wrote) this.state.calculationOwed = true;
      } else {
        // Calculation ran: every formula now has its value, and its spill.
        for (const sheet of this.state.sheets) for (const [address, cell] of sheet.cells) if (cell.formula !== null) sheet.computed.add(address);
      }
      this.calc = false;
      this.screen = false;
    }
  }

  /** True while the queued commands will run with calculation suspended. */
  get calculationSuspended(): boolean {
    return this.calc;
  }

  get pending(): number {
    return this.queue.length;
  }
}

/** A property that exists only after load() and a sync. */
class Loaded<T> {
  private value: T | undefined;
  private ready = false;
  constructor(private readonly what: string) {}
  set(value: T): void {
    this.value = value;
    this.ready = true;
  }
  get(): T {
    if (!this.ready) throw new OfficeError('PropertyNotLoaded', `${this.what} was read before load() and sync()`);
    return this.value as T;
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.application = ctx.application;
  }
}

class FakeWorksheetCollection {
  private readonly loadedItems = new Loaded<FakeWorksheet[]>('worksheets.items');
  constructor(private readonly ctx: FakeContext) {}

  get items(): FakeWorksheet[] {
    return this.loadedItems.get();
  }

  load(_props?: unknown): this {
    this.ctx.enqueue(null, () => this.loadedItems.set(this.ctx.state.sheets.map((s) => new FakeWorksheet(this.ctx, () => s, s.name))));
    return this;
  }

  add(name: string): FakeWorksheet {
    let created: SheetState | null = null;
    this.ctx.enqueue({ sheet: name, op: 'worksheets.add' }, () => {
      if (this.ctx.state.sheet(name)) throw new OfficeError('ItemAlreadyExists', `a sheet named ${name} exists`);
      if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new OfficeError('InvalidArgument', `bad sheet name ${name}`);
      created = newSheet(name);
      this.ctx.state.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new OfficeError('InvalidObjectPath', `sheet ${name} used before it was added`);
      return created;
    }, name);
  }

  /**
   * The active sheet (WorksheetCollection.getActiveWorksheet, ExcelApi 1.1). Its name is the one active
   * when the call is made: SIZER reads it after load("name") and a sync, as Office.js requires.
   */
  getActiveWorksheet(): FakeWorksheet {
    const name = this.ctx.state.active;
    if (name === null) throw new OfficeError('ItemNotFound', 'no active sheet');
    return this.getItemOrNullObject(name);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.state.sheet(name);
      if (!s) throw new OfficeError('ItemNotFound', `no sheet ${name}`);
      return s;
    }, name);
  }
}

/** A worksheet custom property as getItemOrNullObject returns it: isNullObject and value after load and sync. */
class FakeCustomProperty {
  private readonly loaded = new Loaded<string | null>('customProperty.value');
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    readonly key: string,
  ) {}
  get isNullObject(): boolean {
    return this.loaded.get() === null;
  }
  get value(): string {
    const value = this.loaded.get();
    if (value === null) throw new OfficeError('InvalidObjectPath', `custom property ${this.key} is a null object`);
    return value;
  }
  load(_props?: unknown): this {
    this.ctx.enqueue(null, () => {
      let value: string | null;
      try {
        value = this.sheet.resolve().customProperties[this.key] ?? null;
      } catch {
        value = null; // the sheet itself is gone
      }
      this.loaded.set(value);
    });
    return this;
  }
}

/**
 * Worksheet.pageLayout (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout, ExcelApi 1.9):
 *   - orientation is one of Excel.PageOrientation's values, "Portrait" or "Landscape";
 *   - zoom is PageLayoutZoomOptions: fit-to-pages counts are whole numbers, and `scale` "can be null
 *     if fit to page tall or wide is specified", between 10 and 400 otherwise (strict: a zoom giving
 *     both a scale and a fit is refused);
 *   - setPrintTitleRows takes whole rows ("$1:$1"; strict: a cell range is refused);
 *   - setPrintTitleColumns "Sets the columns that contain the cells to be repeated at the left of each
 *     page" and takes whole columns ("$A:$A"; strict: a cell range is refused);
 *   - headersFooters.defaultForAllPages takes the six section strings.
 */
const HEADER_FOOTER_SECTIONS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;

class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: Record<(typeof HEADER_FOOTER_SECTIONS)[number], string> };

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    const section = {} as Record<(typeof HEADER_FOOTER_SECTIONS)[number], string>;
    for (const key of HEADER_FOOTER_SECTIONS) {
      Object.defineProperty(section, key, {
        enumerable: true,
        get: () => this.sheet.resolve().pageLayout.headersFooters[key] ?? '',
        set: (value: string) => {
          if (typeof value !== 'string') throw new OfficeError('InvalidArgument', `${key} must be text`);
          this.ctx.enqueue({ sheet: this.sheet.name, op: `pageLayout.${key}`, value }, () => {
            this.sheet.resolve().pageLayout.headersFooters[key] = value;
          });
        },
      });
    }
    this.headersFooters = { defaultForAllPages: section };
  }

  set orientation(value: string) {
    if (value !== 'Portrait' && value !== 'Landscape') throw new OfficeError('InvalidArgument', `orientation ${value}`);
    this.ctx.enqueue({ sheet: this.sheet.name, op: 'pageLayout.orientation', value }, () => (this.sheet.resolve().pageLayout.orientation = value));
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    const fits = [value.horizontalFitToPages, value.verticalFitToPages].filter((v) => v !== undefined && v !== null);
    if (fits.some((v) => !Number.isInteger(v) || (v as number) < 0)) throw new OfficeError('InvalidArgument', 'fit-to-pages must be whole numbers');
    if (value.scale !== undefined && value.scale !== null) {
      if (fits.length > 0) throw new OfficeError('InvalidArgument', 'zoom gives both a scale and a fit to pages');
      if (value.scale < 10 || value.scale > 400) throw new OfficeError('InvalidArgument', `scale ${value.scale}`);
    }
    this.ctx.enqueue({ sheet: this.sheet.name, op: 'pageLayout.zoom', value }, () => (this.sheet.resolve().pageLayout.zoom = { ...value }));
  }

  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new OfficeError('InvalidArgument', `print title rows must be whole rows, got ${rows}`);
    this.ctx.enqueue({ sheet: this.sheet.name, op: 'pageLayout.setPrintTitleRows', value: rows }, () => (this.sheet.resolve().pageLayout.printTitleRows = rows));
  }

  setPrintTitleColumns(columns: string): void {
    if (!/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(columns)) throw new OfficeError('InvalidArgument', `print title columns must be whole columns, got ${columns}`);
    this.ctx.enqueue({ sheet: this.sheet.name, op: 'pageLayout.setPrintTitleColumns', value: columns }, () => (this.sheet.resolve().pageLayout.printTitleColumns = columns));
  }
}

export class FakeWorksheet {
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly customProperties: { add(key: string, value: string): void; getItemOrNullObject(key: string): FakeCustomProperty };
  readonly freezePanes: { freezeRows(n: number): void; unfreeze(): void };
  readonly pageLayout: FakePageLayout;
  private readonly loadedNull = new Loaded<boolean>('worksheet.isNullObject');

  constructor(
    readonly ctx: FakeContext,
    readonly resolve: () => SheetState,
    readonly name: string,
  ) {
    this.names = new FakeNamedItemCollection(ctx, this);
    this.tables = new FakeTableCollection(ctx, this);
    this.charts = new FakeChartCollection(ctx, this);
    this.customProperties = {
      add: (key: string, value: string) =>
        this.ctx.enqueue({ sheet: this.name, op: 'customProperties.add', value: { key, value } }, () => {
          this.resolve().customProperties[key] = value;
        }),
      getItemOrNullObject: (key: string) => new FakeCustomProperty(this.ctx, this, key),
    };
    this.pageLayout = new FakePageLayout(ctx, this);
    this.freezePanes = {
      freezeRows: (n: number) => this.ctx.enqueue({ sheet: this.name, op: 'freezeRows', value: n }, () => (this.resolve().frozenRows = n)),
      unfreeze: () => this.ctx.enqueue({ sheet: this.name, op: 'unfreeze' }, () => (this.resolve().frozenRows = 0)),
    };
  }

  get isNullObject(): boolean {
    return this.loadedNull.get();
  }

  load(_props?: unknown): this {
    this.ctx.enqueue(null, () => {
      let exists = true;
      try {
        this.resolve();
      } catch {
        exists = false;
      }
      this.loadedNull.set(!exists);
    });
    return this;
  }

  activate(): void {
    this.ctx.enqueue({ sheet: this.name, op: 'activate' }, () => (this.ctx.state.active = this.resolve().name));
  }

  getRange(address?: string): FakeRange {
    const box = address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseAddress(address);
    return new FakeRange(this, box);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new OfficeError('InvalidArgument', `empty range ${rows}x${cols}`);
    return new FakeRange(this, { row, col, rows, cols });
  }
}

/** Records property sets on nested format objects (range.format.font.bold = true, ...). */
function recorder(onSet: (path: string, value: unknown) => void, path = ''): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get: (_target, prop) => (typeof prop === 'string' ? recorder(onSet, path ? `${path}.${prop}` : prop) : undefined),
    set: (_target, prop, value) => {
      onSet(path ? `${path}.${String(prop)}` : String(prop), value);
      return true;
    },
  });
}

function isFormulaText(text: string): boolean {
  return /^[=@]/.test(text) || (/^[+-]./.test(text) && !Number.isFinite(Number(text)));
}

/** What Excel stores for a written value, given the cell's number format. */
function storeValue(cell: CellState, value: unknown): void {
  if (typeof value === 'string') {
    if (value.startsWith("'")) {
      cell.value = value.slice(1);
      cell.formula = null;
    } else if (cell.numberFormat === '@') {
      cell.value = value;
      cell.formula = null;
    } else if (isFormulaText(value)) {
      cell.formula = value.startsWith('=') ? value : `=${value}`;
      cell.value = '#FORMULA';
    } else if (value.trim() !== '' && Number.isFinite(Number(value))) {
      cell.value = Number(value);
      cell.formula = null;
    } else {
      cell.value = value;
      cell.formula = null;
    }
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    cell.value = value;
    cell.formula = null;
    return;
  }
  if (value === null || value === undefined) return; // Office.js: null leaves the cell unchanged
  throw new OfficeError('InvalidArgument', `unsupported cell value ${String(value)}`);
}

export class FakeRange {
  readonly format: Record<string, unknown>;
  readonly dataValidation: { clear(): void; rule: unknown; errorAlert: unknown };
  readonly conditionalFormats: { add(type: string): { cellValue: { format: Record<string, unknown>; rule: unknown } } };

  constructor(
    readonly sheet: FakeWorksheet,
    readonly box: Box,
  ) {
    const ctx = sheet.ctx;
    const address = boxAddress(box);
    this.format = recorder((property, value) =>
      ctx.enqueue({ sheet: sheet.name, op: `format.${property}`, address, value }, () => {
        const s = sheet.resolve();
        if (property === 'columnWidth') {
          for (let c = box.col; c < box.col + box.cols; c++) s.columnWidths[columnName(c)] = value as number;
        } else {
          s.formats.push({ address, property, value });
        }
      }),
    );
    this.dataValidation = {
      clear: () => ctx.enqueue({ sheet: sheet.name, op: 'dataValidation.clear', address }, () => {
        const s = sheet.resolve();
        for (const key of Object.keys(s.dataValidation)) if (key === address || address === 'ALL') delete s.dataValidation[key];
        for (const key of Object.keys(s.validationAlerts)) if (key === address || address === 'ALL') delete s.validationAlerts[key];
      }),
      set rule(value: unknown) {
        ctx.enqueue({ sheet: sheet.name, op: 'dataValidation.rule', address, value }, () => {
          const s = sheet.resolve();
          const source = (value as { list?: { source?: unknown } }).list?.source;
          const spill = typeof source === 'string' ? /^=\$?([A-Z]+)\$?(\d+)#$/i.exec(source) : null;
          if (spill) {
            const anchor = `${spill[1]!.toUpperCase()}${spill[2]}`;
            if (!s.cells.get(anchor)?.formula || !s.computed.has(anchor)) {
              throw new OfficeError('InvalidArgument', `list source ${source} refers to a spill that does not exist yet (${anchor} has not been computed)`);
            }
          }
          s.dataValidation[address] = value;
        });
      },
      get rule(): unknown {
        return sheet.resolve().dataValidation[address];
      },
      set errorAlert(value: unknown) {
        ctx.enqueue({ sheet: sheet.name, op: 'dataValidation.errorAlert', address, value }, () => (sheet.resolve().validationAlerts[address] = value));
      },
      get errorAlert(): unknown {
        return sheet.resolve().validationAlerts[address];
      },
    };
    this.conditionalFormats = {
      add: (type: string) => {
        const cf: ConditionalFormatState = { address, type, fill: null, fontColor: null, rule: null };
        ctx.enqueue({ sheet: sheet.name, op: 'conditionalFormats.add', address, value: type }, () => sheet.resolve().conditionalFormats.push(cf));
        const cellValue = {
          format: recorder((property, value) =>
            ctx.enqueue({ sheet: sheet.name, op: `conditionalFormat.${property}`, address, value }, () => {
              if (property === 'fill.color') cf.fill = value as string;
              if (property === 'font.color') cf.fontColor = value as string;
            }),
          ),
          set rule(value: unknown) {
            ctx.enqueue({ sheet: sheet.name, op: 'conditionalFormat.rule', address, value }, () => (cf.rule = value));
          },
          get rule(): unknown {
            return cf.rule;
          },
        };
        return { cellValue };
      },
    };
  }

  get address(): string {
    return boxAddress(this.box);
  }

  private grid(name: string, value: unknown): unknown[][] {
    if (!Array.isArray(value) || value.length !== this.box.rows || value.some((row) => !Array.isArray(row) || row.length !== this.box.cols)) {
      throw new OfficeError('InvalidArgument', `${name} of ${this.address} must be ${this.box.rows}x${this.box.cols}`);
    }
    return value as unknown[][];
  }

  private cell(row: number, col: number): CellState {
    const s = this.sheet.resolve();
    const key = a1(row, col);
    let cell = s.cells.get(key);
    if (!cell) {
      cell = { value: '', formula: null, numberFormat: 'General' };
      s.cells.set(key, cell);
    }
    return cell;
  }

  private each(value: unknown, apply: (cell: CellState, v: unknown) => void): void {
    const grid = value as unknown[][];
    const computed = this.sheet.resolve().computed;
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        computed.delete(a1(this.box.row + r, this.box.col + c));
        apply(this.cell(this.box.row + r, this.box.col + c), v);
      }),
    );
  }

  private readonly loadedValues = new Loaded<Scalar[][]>('range.values');

  /** load("values"): after a sync, `values` reads the cells (an empty cell reads as "", as in Excel). */
  load(_props?: unknown): this {
    this.sheet.ctx.enqueue(null, () => {
      const cells = this.sheet.resolve().cells;
      this.loadedValues.set(Array.from({ length: this.box.rows }, (_, r) => Array.from({ length: this.box.cols }, (_, c) => cells.get(a1(this.box.row + r, this.box.col + c))?.value ?? '')));
    });
    return this;
  }

  get values(): Scalar[][] {
    return this.loadedValues.get();
  }

  set values(value: unknown) {
    const copy = this.grid('values', value).map((row) => [...row]);
    this.sheet.ctx.enqueue({ sheet: this.sheet.name, op: 'values', address: this.address, value: copy }, () => this.each(copy, (cell, v) => storeValue(cell, v)));
  }

  set formulas(value: unknown) {
    const copy = this.grid('formulas', value).map((row) => [...row]);
    this.sheet.ctx.enqueue({ sheet: this.sheet.name, op: 'formulas', address: this.address, value: copy }, () => this.each(copy, (cell, v) => storeValue(cell, v)));
  }

  set numberFormat(value: unknown) {
    const copy = this.grid('numberFormat', value).map((row) => [...row]);
    this.sheet.ctx.enqueue({ sheet: this.sheet.name, op: 'numberFormat', address: this.address, value: copy }, () =>
      this.each(copy, (cell, v) => {
        if (typeof v === 'string') cell.numberFormat = v;
      }),
    );
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.sheet, { row: this.box.row + row, col: this.box.col + col, rows: 1, cols: 1 });
  }

  select(): void {
    this.sheet.ctx.enqueue({ sheet: this.sheet.name, op: 'select', address: this.address }, () => {
      const s = this.sheet.resolve();
      if (this.sheet.ctx.state.active?.toLowerCase() !== s.name.toLowerCase()) {
        throw new OfficeError('InvalidOperation', `select() on ${s.name}, which is not the active sheet (${this.sheet.ctx.state.active ?? 'none'})`);
      }
      s.selected = this.address;
    });
  }

  clear(applyTo?: string): void {
    this.sheet.ctx.enqueue({ sheet: this.sheet.name, op: 'clear', address: this.address, value: applyTo ?? 'All' }, () => {
      const s = this.sheet.resolve();
      const inside = (key: string): boolean => {
        const m = /^([A-Z]+)(\d+)$/.exec(key)!;
        const r = Number(m[2]) - 1;
        const c = columnIndex(m[1]!);
        return r >= this.box.row && r < this.box.row + this.box.rows && c >= this.box.col && c < this.box.col + this.box.cols;
      };
      for (const key of [...s.cells.keys()]) if (inside(key)) s.cells.delete(key);
      if (this.address === 'ALL') {
        s.formats = [];
        s.conditionalFormats = [];
      }
    });
  }
}

class FakeNamedItem {
  private readonly loadedNull = new Loaded<boolean>('namedItem.isNullObject');
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    readonly name: string,
    private readonly find: () => NameState | undefined,
  ) {}

  get isNullObject(): boolean {
    return this.loadedNull.get();
  }

  load(_props?: unknown): this {
    this.ctx.enqueue(null, () => {
      let found: boolean;
      try {
        found = this.find() !== undefined;
      } catch {
        found = false;
      }
      this.loadedNull.set(!found);
    });
    return this;
  }

  delete(): void {
    this.ctx.enqueue({ sheet: this.sheet.name, op: 'name.delete', value: this.name }, () => {
      const s = this.sheet.resolve();
      s.names = s.names.filter((n) => n.name.toLowerCase() !== this.name.toLowerCase());
    });
  }

  set visible(value: boolean) {
    this.ctx.enqueue({ sheet: this.sheet.name, op: 'name.visible', value: { name: this.name, visible: value } }, () => {
      const item = this.find();
      if (!item) throw new OfficeError('ItemNotFound', `no name ${this.name}`);
      if (!value && this.ctx.state.ignoresNameVisibility) return;
      item.visible = value;
    });
  }
}

class FakeNamedItemCollection {
  private readonly loadedItems = new Loaded<FakeNamedItem[]>('names.items');
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {}

  get items(): FakeNamedItem[] {
    return this.loadedItems.get();
  }

  load(_props?: unknown): this {
    this.ctx.enqueue(null, () =>
      this.loadedItems.set(this.sheet.resolve().names.map((n) => new FakeNamedItem(this.ctx, this.sheet, n.name, () => this.sheet.resolve().names.find((m) => m === n)))),
    );
    return this;
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    const ref = typeof reference === 'string' ? reference : `='${this.sheet.name}'!${reference.address}`;
    this.ctx.enqueue({ sheet: this.sheet.name, op: 'names.add', value: { name, reference: ref, comment: comment ?? null } }, () => {
      const s = this.sheet.resolve();
      if (s.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new OfficeError('ItemAlreadyExists', `name ${name} exists on ${s.name}`);
      if (/^[A-Z]{1,3}\d+$/i.test(name)) throw new OfficeError('InvalidArgument', `name ${name} looks like a cell reference`);
      s.names.push({ name, reference: ref, comment: comment ?? null, visible: true });
    });
    return new FakeNamedItem(this.ctx, this.sheet, name, () => this.sheet.resolve().names.find((n) => n.name.toLowerCase() === name.toLowerCase()));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, this.sheet, name, () => this.sheet.resolve().names.find((n) => n.name.toLowerCase() === name.toLowerCase()));
  }
}

class FakeTable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly find: () => TableState,
    private readonly sheetName: string,
    readonly knownName: string,
  ) {}

  get name(): string {
    return this.knownName;
  }

  set name(value: string) {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'table.name', value }, () => {
      const table = this.find();
      if (this.ctx.state.allTables().some((t) => t !== table && t.name.toLowerCase() === value.toLowerCase())) {
        throw new OfficeError('InvalidArgument', `a table named ${value} exists`);
      }
      table.name = value;
    });
  }

  set style(value: string) {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'table.style', value }, () => (this.find().style = value));
  }

  /** The table's whole range, header row included (Table.getRange, ExcelApi 1.1), as the table stands when this is called. */
  getRange(): FakeRange {
    const table = this.find();
    const sheet = new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(table.sheet)!, table.sheet);
    return new FakeRange(sheet, parseAddress(table.address));
  }

  delete(): void {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'table.delete', value: this.knownName }, () => {
      for (const s of this.ctx.state.sheets) s.tables = s.tables.filter((t) => t !== this.find());
    });
  }
}

class FakeTableCollection {
  private readonly loadedItems = new Loaded<FakeTable[]>('tables.items');
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet | null,
  ) {}

  get items(): FakeTable[] {
    return this.loadedItems.get();
  }

  load(_props?: unknown): this {
    this.ctx.enqueue(null, () => {
      const tables = this.sheet ? this.sheet.resolve().tables : this.ctx.state.allTables();
      this.loadedItems.set(tables.map((t) => new FakeTable(this.ctx, () => t, t.sheet, t.name)));
    });
    return this;
  }

  add(address: string, hasHeaders: boolean): FakeTable {
    const sheet = this.sheet;
    if (!sheet) throw new OfficeError('InvalidArgument', 'workbook.tables.add needs a sheet-qualified address (not used by SIZER)');
    let created: TableState | null = null;
    this.ctx.enqueue({ sheet: sheet.name, op: 'tables.add', address, value: hasHeaders }, () => {
      const s = sheet.resolve();
      const n = this.ctx.state.allTables().length + 1;
      created = { name: `Table${n}`, sheet: s.name, address, hasHeaders, style: null };
      s.tables.push(created);
    });
    return new FakeTable(this.ctx, () => {
      if (!created) throw new OfficeError('InvalidObjectPath', 'table used before it was added');
      return created;
    }, sheet.name, `Table?`);
  }
}

/** Rows in an A1 range address ("B2:B7" -> 6). */
function rowsOf(address: string): number {
  return parseAddress(address).rows;
}

class FakeSeries {
  readonly format: { line: Record<string, unknown>; fill: { setSolidColor(color: string): void } };
  readonly points: { getItemAt(i: number): { format: { fill: { setSolidColor(color: string): void } } } };

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
    private readonly find: () => SeriesState,
  ) {
    const line = (property: string, value: unknown): void =>
      ctx.enqueue({ sheet: sheetName, op: `series.format.line.${property}`, value }, () => {
        const series = find();
        if (property === 'color') series.lineColor = String(value);
        else if (property === 'lineStyle') series.lineStyle = String(value);
        else throw new OfficeError('InvalidArgument', `series.format.line.${property} is not used by SIZER`);
      });
    this.format = {
      line: recorder(line),
      fill: { setSolidColor: (color: string) => ctx.enqueue({ sheet: sheetName, op: 'series.format.fill.setSolidColor', value: color }, () => (find().fillColor = color)) },
    };
    this.points = {
      getItemAt: (i: number) => ({
        format: {
          fill: {
            setSolidColor: (color: string) =>
              ctx.enqueue({ sheet: sheetName, op: 'series.points.format.fill.setSolidColor', value: { index: i, color } }, () => {
                const series = find();
                // Strict: a point past the series' values does not exist (ChartPointsCollection.getItemAt).
                if (!series.values || i < 0 || i >= rowsOf(series.values)) throw new OfficeError('ItemNotFound', `no point ${i} in ${series.values}`);
                series.pointFills = { ...series.pointFills, [i]: color };
              }),
          },
        },
      }),
    };
  }
  set name(value: string) {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'series.name', value }, () => (this.find().name = value));
  }
  set chartType(value: string) {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'series.chartType', value }, () => (this.find().chartType = value));
  }
  set axisGroup(value: string) {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'series.axisGroup', value }, () => {
      if (value !== 'Primary' && value !== 'Secondary') throw new OfficeError('InvalidArgument', `axis group ${value}`);
      this.find().axisGroup = value;
    });
  }
  set markerStyle(value: string) {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'series.markerStyle', value }, () => (this.find().markerStyle = value));
  }
  set markerBackgroundColor(value: string) {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'series.markerBackgroundColor', value }, () => (this.find().markerBackgroundColor = value));
  }
  set markerForegroundColor(value: string) {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'series.markerForegroundColor', value }, () => (this.find().markerForegroundColor = value));
  }
  setValues(range: FakeRange): void {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'series.setValues', address: range.address }, () => (this.find().values = range.address));
  }
  setXAxisValues(range: FakeRange): void {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'series.setXAxisValues', address: range.address }, () => {
      const series = this.find();
      // Strict: x values as many as the values (Excel would silently plot a mismatch).
      if (series.values && rowsOf(series.values) !== rowsOf(range.address)) throw new OfficeError('InvalidArgument', `x values ${range.address} do not match ${series.values}`);
      series.xValues = range.address;
    });
  }
}

class FakeChart {
  readonly title: Record<string, unknown>;
  readonly axes: {
    categoryAxis: { title: Record<string, unknown>; scaleType: string; logBase: number };
    valueAxis: { title: Record<string, unknown> };
    getItem(type: string, group?: string): { title: Record<string, unknown>; maximum: number };
  };
  readonly series: { getItemAt(i: number): FakeSeries; add(name: string): FakeSeries };

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
    private readonly find: () => ChartState,
  ) {
    const set = (op: string, apply: (c: ChartState, v: unknown) => void) => (property: string, value: unknown) =>
      ctx.enqueue({ sheet: sheetName, op: `${op}.${property}`, value }, () => apply(find(), value));
    this.title = recorder(set('chart.title', (c, v) => (c.title = String(v))));
    const scale = (property: 'scaleType' | 'logBase', value: unknown): void =>
      ctx.enqueue({ sheet: sheetName, op: `chart.categoryAxis.${property}`, value }, () => {
        const chart = find();
        // Strict: only an XY chart's horizontal axis is a value axis that can be logarithmic.
        if (!chart.type.startsWith('XYScatter')) throw new OfficeError('InvalidArgument', `a ${chart.type} category axis cannot be ${String(value)}`);
        chart.categoryAxisScale = { ...chart.categoryAxisScale, [property]: value };
      });
    const secondary = (apply: (axis: AxisState) => void, op: string, value: unknown): void =>
      ctx.enqueue({ sheet: sheetName, op, value }, () => {
        const chart = find();
        // Strict: the secondary value axis exists only once a series is on the secondary group.
        if (!chart.series.some((s) => s.axisGroup === 'Secondary')) throw new OfficeError('ItemNotFound', 'no secondary axis: no series on the secondary group');
        chart.secondaryValueAxis ??= { title: null };
        apply(chart.secondaryValueAxis);
      });
    this.axes = {
      categoryAxis: {
        title: recorder(set('chart.categoryAxis.title', (c, v) => (c.categoryAxisTitle = String(v)))),
        set scaleType(value: string) {
          scale('scaleType', value);
        },
        set logBase(value: number) {
          scale('logBase', value);
        },
      } as { title: Record<string, unknown>; scaleType: string; logBase: number },
      valueAxis: { title: recorder(set('chart.valueAxis.title', (c, v) => (c.valueAxisTitle = String(v)))) },
      getItem: (type: string, group?: string) => {
        if (type !== 'Value' || group !== 'Secondary') throw new OfficeError('InvalidArgument', `axes.getItem(${type}, ${group}) is not used by SIZER`);
        return {
          title: recorder((property, value) => {
            if (property !== 'text') throw new OfficeError('InvalidArgument', `title.${property}`);
            secondary((axis) => (axis.title = String(value)), 'chart.secondaryValueAxis.title', value);
          }),
          set maximum(value: number) {
            secondary((axis) => (axis.maximum = value), 'chart.secondaryValueAxis.maximum', value);
          },
        } as { title: Record<string, unknown>; maximum: number };
      },
    };
    this.series = {
      getItemAt: (i: number) =>
        new FakeSeries(ctx, sheetName, () => {
          const s = find().series[i];
          if (!s) throw new OfficeError('ItemNotFound', `no series ${i}`);
          return s;
        }),
      add: (name: string) => {
        const series: SeriesState = { name, values: null, xValues: null };
        ctx.enqueue({ sheet: sheetName, op: 'series.add', value: name }, () => find().series.push(series));
        return new FakeSeries(ctx, sheetName, () => series);
      },
    };
  }

  setPosition(start: string, end: string): void {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'chart.setPosition', value: [start, end] }, () => (this.find().position = [start, end]));
  }

  delete(): void {
    this.ctx.enqueue({ sheet: this.sheetName, op: 'chart.delete' }, () => {
      for (const s of this.ctx.state.sheets) s.charts = s.charts.filter((c) => c !== this.find());
    });
  }
}

class FakeChartCollection {
  private readonly loadedItems = new Loaded<FakeChart[]>('charts.items');
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {}

  get items(): FakeChart[] {
    return this.loadedItems.get();
  }

  load(_props?: unknown): this {
    this.ctx.enqueue(null, () => this.loadedItems.set(this.sheet.resolve().charts.map((c) => new FakeChart(this.ctx, this.sheet.name, () => c))));
    return this;
  }

  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    let created: ChartState | null = null;
    this.ctx.enqueue({ sheet: this.sheet.name, op: 'charts.add', address: source.address, value: { type, seriesBy } }, () => {
      created = {
        type,
        source: source.address,
        seriesBy,
        title: null,
        categoryAxisTitle: null,
        valueAxisTitle: null,
        series: [{ name: null, values: source.address, xValues: null }],
        position: null,
      };
      this.sheet.resolve().charts.push(created);
    });
    return new FakeChart(this.ctx, this.sheet.name, () => {
      if (!created) throw new OfficeError('InvalidObjectPath', 'chart used before it was added');
      return created;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Excel.run and the page globals

export type FakeRun = <T>(batch: (context: FakeContext) => Promise<T>) => Promise<T>;

export type FakeRunWithOptions = <T>(options: Record<string, unknown>, batch: (context: FakeContext) => Promise<T>) => Promise<T>;

/**
 * Excel.run over a workbook state, as Excel.run(batch) or Excel.run(options, batch): a fresh context
 * per run, queued commands flushed at the end; while the user edits a cell, it fails or waits (see
 * the header comment).
 */
export function fakeExcelRun(state: FakeWorkbookState): FakeRun & FakeRunWithOptions {
  return (async <T>(first: Record<string, unknown> | ((context: FakeContext) => Promise<T>), second?: (context: FakeContext) => Promise<T>): Promise<T> => {
    const options = typeof first === 'function' ? {} : first;
    const batch = typeof first === 'function' ? first : second!;
    state.runOptions.push(options);
    const editing = state.cellEditDone;
    if (editing) {
      if (options.delayForCellEdit !== true) throw new OfficeError('InvalidOperation', 'the user is editing a cell');
      await editing;
    }
    state.runs++;
    const context = new FakeContext(state);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  }) as FakeRun & FakeRunWithOptions;
}

export class FakeStorage {
  readonly items = new Map<string, string>();
  writes = 0;
  reads = 0;
  /** While set, getItem waits for it: a slow per-user storage (the runtime reads it at start). */
  gate: Promise<void> | null = null;
  async getItem(key: string): Promise<string | null> {
    this.reads++;
    if (this.gate) await this.gate;
    return this.items.get(key) ?? null;
  }
  async setItem(key: string, value: string): Promise<void> {
    this.writes++;
    this.items.set(key, value);
  }
  async removeItem(key: string): Promise<void> {
    this.items.delete(key);
  }
}

type SaveCallback = (result: { status: string; error?: { message: string } }) => void;

/**
 * Office.context.document.settings (Office.Settings, https://learn.microsoft.com/javascript/api/office/office.settings):
 * name/value pairs "stored in the host document", "saved per add-in and per document"; get/set/remove
 * work on an in-memory copy, which only saveAsync writes to the document ("The developer is responsible
 * for calling the saveAsync method after adding or deleting settings to save the settings in the
 * document"). `saved` is what the document holds, so a workbook reopened (reopen()) has only what was
 * saved. Values are kept as JSON, as the document keeps them ("the value can be a string, number,
 * boolean, null, object, or array"); get of a missing name is null. saveAsync answers asynchronously
 * with { status: "succeeded" }, or "failed" with an error while `failSave` is set.
 */
export class FakeSettings {
  private readonly memory: Map<string, string>;
  readonly saved = new Map<string, string>();
  saves = 0;
  failSave: string | null = null;
  constructor(saved: ReadonlyMap<string, string> = new Map()) {
    this.memory = new Map(saved);
    for (const [k, v] of saved) this.saved.set(k, v);
  }
  get(name: string): unknown {
    const value = this.memory.get(name);
    return value === undefined ? null : JSON.parse(value);
  }
  set(name: string, value: unknown): void {
    this.memory.set(name, JSON.stringify(value));
  }
  remove(name: string): void {
    this.memory.delete(name);
  }
  saveAsync(callback?: SaveCallback): void {
    setTimeout(() => {
      if (this.failSave !== null) {
        callback?.({ status: 'failed', error: { message: this.failSave } });
        return;
      }
      this.saved.clear();
      for (const [k, v] of this.memory) this.saved.set(k, v);
      this.saves++;
      callback?.({ status: 'succeeded' });
    }, 0);
  }
  /** The settings a new session sees when the saved workbook is opened again. */
  reopen(): FakeSettings {
    return new FakeSettings(this.saved);
  }
}

export interface FakeOfficeHost {
  readonly state: FakeWorkbookState;
  readonly storage: FakeStorage;
  readonly settings: FakeSettings;
  readonly associated: string[];
  summary(): unknown;
}

/** Defines Office, Excel, OfficeRuntime and CustomFunctions on a global object (the e2e page). */
export function installFakeOffice(target: Record<string, unknown>): FakeOfficeHost {
  const state = new FakeWorkbookState();
  const storage = new FakeStorage();
  const settings = new FakeSettings();
  const associated: string[] = [];
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  target.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    // Defined inside an Office host: the pane needs it besides host "Excel" (src/taskpane/office-host.ts).
    context: { document: { settings } },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
  };
  target.Excel = { run: fakeExcelRun(state) };
  target.OfficeRuntime = { storage };
  target.CustomFunctions = {
    associate: (name: string) => {
      associated.push(name);
    },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  };
  const host: FakeOfficeHost = { state, storage, settings, associated, summary: () => ({ ...(state.summary() as object), associated, storageKeys: [...storage.items.keys()], settingKeys: [...settings.saved.keys()] }) };
  target.__sizerStub = host;
  return host;
}
