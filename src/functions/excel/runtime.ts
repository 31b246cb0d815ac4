/**
 * The custom functions' side of the shared runtime: one engine (rebuilt when the task pane loads or
 * clears private anchors) and a memoizing runner over the registry. Functions call callSizer; the
 * task pane reaches the same runtime through sizerRuntime.
 */
import { type AnchorSet, createEngine, loadBundledCatalog, NO_ANCHORS } from '../../engine';
import type { Catalog } from '../../engine';
import { SIZER_FUNCTIONS } from '../registry';
import { createRunner, type Runner } from '../registry/invoke';
import { type CellInput, FunctionError, type FunctionResult, type SizerFunction } from '../registry/types';
import { toExcelError } from './errors';

class SizerRuntime {
  private runner: Runner | null = null;
  private catalogError: FunctionError | null = null;
  private readonly byName = new Map<string, SizerFunction>(SIZER_FUNCTIONS.map((f) => [f.name, f]));
  private catalog: Catalog | null = null;

  constructor() {
    try {
      this.catalog = loadBundledCatalog();
      this.setAnchors(NO_ANCHORS);
    } catch (error) {
      // A broken catalog must not take Excel down: every function reports it instead.
      this.catalogError = new FunctionError('value', `SIZER catalog failed to load: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Swaps in a new set of private anchors; memoized results are dropped with the old engine. */
  setAnchors(anchors: AnchorSet): void {
    if (!this.catalog) return;
    this.runner = createRunner({ engine: createEngine(this.catalog, { anchors }) });
  }

  call(name: string, args: readonly CellInput[]): FunctionResult {
    const fn = this.byName.get(name);
    if (!fn) throw toExcelError(new FunctionError('value', `SIZER.${name} is not a SIZER function`));
    if (this.catalogError || !this.runner) throw toExcelError(this.catalogError ?? new FunctionError('value', 'SIZER is not ready'));
    const outcome = this.runner(fn, args);
    if (!outcome.ok) throw toExcelError(outcome.error);
    return outcome.value;
  }
}

/** The one runtime of this add-in instance (Excel loads the shared runtime page once). */
export const sizerRuntime = new SizerRuntime();

export function callSizer(name: string, args: readonly CellInput[]): FunctionResult {
  return sizerRuntime.call(name, args);
}
