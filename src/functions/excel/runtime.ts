/**
 * The custom functions' side of the shared runtime: one engine (rebuilt when the stored private
 * anchors and the workbook's named calibration are read, and when the task pane loads or clears
 * anchors or uses or forgets a calibration) and a memoizing runner over the registry. Functions call
 * callSizer; the task pane reaches the same runtime through sizerRuntime.
 *
 * The named calibration (stored-calibration.ts) is read from the document's settings at start, with
 * the anchors; it becomes the engine's calibrated basis and the name the `calibration` argument takes.
 *
 * No stale numbers at start: the runtime reads the anchors file kept in per-user storage as soon as
 * it is created (functions.js is the first SIZER bundle on the shared-runtime page), and until that
 * read is done every call answers with a Promise that settles once the anchors are in place. Excel
 * waits for a returned Promise before it shows the cell's value ("Excel automatically waits for the
 * promise to resolve before displaying the result in the cell",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs). After the read,
 * calls answer synchronously as before.
 */
import { type AnchorSet, bundledCalibration, type Catalog, createEngine, loadBundledCatalog, NO_ANCHORS } from '../../engine';
import { SIZER_FUNCTIONS } from '../registry';
import { createRunner, type Runner } from '../registry/invoke';
import { type CellInput, FunctionError, type FunctionResult, type NamedCalibration, type SizerFunction } from '../registry/types';
import { toExcelError } from './errors';
import { ANCHORS_STORAGE_KEY, anchorsOfStored, type KeyValueStorage, officeRuntimeStorage, parseStoredEntry } from './stored-anchors';
import { CALIBRATION_SETTING, documentSettings, type DocumentSettings, namedCalibrationOf, parseStoredCalibration } from './stored-calibration';

/**
 * How long the first calls wait for per-user storage before answering without anchors. Storage
 * answers in milliseconds; this only keeps cells from showing #BUSY! for ever if it never does (the
 * task pane then applies the stored file when it reads it, and asks Excel to recalculate).
 */
export const STORED_ANCHORS_WAIT_MS = 10_000;

export interface RuntimeOptions {
  /** Where the stored anchors file is read from at start; null when there is none (a plain page, tests). */
  readonly storage: KeyValueStorage | null;
  /** The document's settings, once Office is ready (the workbook's named calibration); absent or null when there are none. */
  readonly settings?: () => DocumentSettings | null;
  /** Resolves when Office is ready to serve storage (Office.onReady); absent when nothing to wait for. */
  readonly officeReady?: Promise<unknown>;
  readonly waitMs?: number;
}

/** A value that anchors and a calibration can be compared by (two reads of the same file or setting give the same key). */
function stateKey(anchors: AnchorSet, named: NamedCalibration | null): string {
  return JSON.stringify([anchors, named]);
}

/** The workbook's named calibration in these settings; null when there is none or it is not readable (the pane says why). */
function readNamedCalibration(settings: DocumentSettings | null): NamedCalibration | null {
  try {
    const stored = parseStoredCalibration(settings?.get(CALIBRATION_SETTING) ?? null);
    return stored ? namedCalibrationOf(stored, bundledCalibration()) : null;
  } catch {
    return null;
  }
}

/** The promise's value, or a rejection after ms (the timer is cleared either way). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Office or per-user storage did not answer')), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export class SizerRuntime {
  private runner: Runner | null = null;
  private catalogError: FunctionError | null = null;
  private readonly byName = new Map<string, SizerFunction>(SIZER_FUNCTIONS.map((f) => [f.name, f]));
  private catalog: Catalog | null = null;
  private anchors: AnchorSet = NO_ANCHORS;
  private named: NamedCalibration | null = null;
  private currentKey = stateKey(NO_ANCHORS, null);
  /** Set while the stored anchors and calibration are being read: calls wait for it. */
  private pending: Promise<void> | null = null;
  /** Bumped by every setAnchors / setCalibration, so a stored read that finishes later does not undo it. */
  private anchorsGeneration = 0;
  private calibrationGeneration = 0;

  constructor(options: RuntimeOptions = { storage: null }) {
    try {
      this.catalog = loadBundledCatalog();
      this.install(NO_ANCHORS, null);
    } catch (error) {
      // A broken catalog must not take Excel down: every function reports it instead.
      this.catalogError = new FunctionError('value', `SIZER catalog failed to load: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (options.storage || options.settings) this.pending = this.readStored(options.storage, options.settings ?? null, options.officeReady, options.waitMs ?? STORED_ANCHORS_WAIT_MS);
  }

  private async readStored(storage: KeyValueStorage | null, settings: (() => DocumentSettings | null) | null, officeReady: Promise<unknown> | undefined, waitMs: number): Promise<void> {
    const anchorsGeneration = this.anchorsGeneration;
    const calibrationGeneration = this.calibrationGeneration;
    let anchors = NO_ANCHORS;
    let named: NamedCalibration | null = null;
    // The workbook's calibration and the per-user anchors are read separately: storage that is slow or
    // unavailable must not cost the workbook its calibration (its cells would silently fall back to the
    // shipped fit).
    let ready = false;
    try {
      await within(
        (async () => {
          await officeReady;
        })(),
        waitMs,
      );
      ready = true;
      // Settings are loaded with the document when the add-in starts: reading them is synchronous.
      named = readNamedCalibration(settings?.() ?? null);
    } catch {
      // Office never became ready, or the stored calibration is not valid: the shipped fit; the pane says why.
    }
    try {
      if (ready && storage) {
        const stored = parseStoredEntry(await within(storage.getItem(ANCHORS_STORAGE_KEY), waitMs));
        if (stored) anchors = anchorsOfStored(stored);
      }
    } catch {
      // Storage unavailable or too slow, or a file that is no longer valid: answer without anchors.
      // The task pane reads the same entry and says why (it never reaches a log).
    }
    this.install(anchorsGeneration === this.anchorsGeneration ? anchors : this.anchors, calibrationGeneration === this.calibrationGeneration ? named : this.named);
    this.pending = null;
  }

  private install(anchors: AnchorSet, named: NamedCalibration | null): void {
    this.runner = createRunner({ engine: createEngine(this.catalog!, { anchors, calibration: named?.calibration }), namedCalibration: named });
    this.anchors = anchors;
    this.named = named;
    this.currentKey = stateKey(anchors, named);
  }

  /** Resolves once the stored anchors and calibration have been read (at once when there is nothing to read). */
  whenReady(): Promise<void> {
    return this.pending ?? Promise.resolve();
  }

  /** Installs this state unless it is the one in use; true when it changed (a cell may change). */
  private change(anchors: AnchorSet, named: NamedCalibration | null): boolean {
    if (stateKey(anchors, named) === this.currentKey) return false;
    this.install(anchors, named);
    return true;
  }

  /**
   * Swaps in a new set of private anchors (memoized results go with the old engine); a stored read
   * still under way no longer applies them. Returns false when these are the anchors already in use,
   * so the pane asks Excel to recalculate only when a cell could change.
   */
  setAnchors(anchors: AnchorSet): boolean {
    if (!this.catalog) return false;
    this.anchorsGeneration++;
    return this.change(anchors, this.named);
  }

  /**
   * Swaps in the workbook's named calibration (null: none, the shipped fit); a stored read still under
   * way no longer applies one. Returns false when it is the calibration already in use.
   */
  setCalibration(named: NamedCalibration | null): boolean {
    if (!this.catalog) return false;
    this.calibrationGeneration++;
    return this.change(this.anchors, named);
  }

  call(name: string, args: readonly CellInput[]): FunctionResult | Promise<FunctionResult> {
    const fn = this.byName.get(name);
    if (!fn) throw toExcelError(new FunctionError('value', `SIZER.${name} is not a SIZER function`));
    if (this.pending) return this.pending.then(() => this.answer(fn, args));
    return this.answer(fn, args);
  }

  private answer(fn: SizerFunction, args: readonly CellInput[]): FunctionResult {
    if (this.catalogError || !this.runner) throw toExcelError(this.catalogError ?? new FunctionError('value', 'SIZER is not ready'));
    const outcome = this.runner(fn, args);
    if (!outcome.ok) throw toExcelError(outcome.error);
    return outcome.value;
  }
}

/** Office.onReady as a promise, when Office.js is on the page (it never resolves when Office.js is blocked, but then Office is undefined). */
function officeReady(): Promise<unknown> | undefined {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function' ? Office.onReady() : undefined;
}

/** The one runtime of this add-in instance (Excel loads the shared runtime page once). */
export const sizerRuntime = new SizerRuntime({ storage: officeRuntimeStorage(), settings: documentSettings, officeReady: officeReady() });

export function callSizer(name: string, args: readonly CellInput[]): FunctionResult | Promise<FunctionResult> {
  return sizerRuntime.call(name, args);
}
