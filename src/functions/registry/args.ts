/**
 * Reads a function's arguments by name with Excel semantics: an omitted optional argument arrives
 * as null (or undefined, or an empty string) and takes the default; text arguments accept numbers
 * (a tier typed as 5090); number arguments accept numeric text; a range where a single value is
 * expected, or the wrong type, is a #VALUE! error that names the argument.
 *
 * Blank means default on desktop and on the web. An optional argument that refers to an empty cell
 * arrives as 0 on Excel desktop and as null on Excel on the web
 * (https://github.com/OfficeDev/office-js/issues/4702; omitted is null on both:
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options). So a 0
 * in an optional text or TRUE/FALSE argument is blank, and so is a 0 in an optional number argument
 * whose valid range excludes 0 (npu_share, compiler_quality, streams, ...). Where 0 is a valid value
 * it stays 0; docs/functions.md says so for each such argument.
 */
import { type Catalog, type HardwareSpec, isInRange } from '../../engine';
import { type ArgSpec, type CellInput, type CellScalar, FunctionError, renderText } from './types';

function isBlank(value: CellInput): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export class ArgReader {
  private readonly byName = new Map<string, CellInput>();
  private readonly specByName = new Map<string, ArgSpec>();

  constructor(
    private readonly functionName: string,
    specs: readonly ArgSpec[],
    values: readonly CellInput[],
    catalog: Catalog,
  ) {
    if (values.length > specs.length) {
      throw new FunctionError('value', `SIZER.${functionName} takes at most ${specs.length} arguments, got ${values.length}`);
    }
    specs.forEach((spec, i) => {
      const value = values[i];
      if (!spec.optional && isBlank(value)) {
        throw new FunctionError('value', `SIZER.${functionName}: ${spec.name} is required (${renderText(spec.help, catalog)})`);
      }
      this.byName.set(spec.name, value);
      this.specByName.set(spec.name, spec);
    });
    this.catalog = catalog;
  }

  private readonly catalog: Catalog;

  /** True when this value is how Excel desktop hands over an empty cell for this optional argument. */
  private emptyCellZero(name: string, value: CellScalar, kind: 'text' | 'number' | 'boolean'): boolean {
    const spec = this.specByName.get(name);
    if (value !== 0 || !spec?.optional) return false;
    if (kind !== 'number') return true;
    return spec.range !== undefined && !isInRange(this.catalog.inputRanges[spec.range], 0);
  }

  private scalar(name: string): CellScalar {
    if (!this.byName.has(name)) throw new Error(`SIZER.${this.functionName} has no argument ${name}`);
    const value = this.byName.get(name);
    if (Array.isArray(value)) {
      // A 1x1 range is a single value; anything larger is a mistake.
      if (value.length === 1 && value[0]?.length === 1) return value[0][0];
      throw new FunctionError('value', `SIZER.${this.functionName}: ${name} expects a single value, not a range`);
    }
    if (value !== null && typeof value === 'object') {
      // Excel does not call a function with an error argument unless told to; a host that does gets a message.
      throw new FunctionError('value', `SIZER.${this.functionName}: ${name} is an error value, not an input`);
    }
    return value;
  }

  optionalText(name: string): string | null {
    const value = this.scalar(name);
    if (isBlank(value) || this.emptyCellZero(name, value, 'text')) return null;
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number') return String(value);
    throw new FunctionError('value', `SIZER.${this.functionName}: ${name} must be text, got ${String(value)}`);
  }

  text(name: string): string {
    const value = this.optionalText(name);
    if (value === null) throw new FunctionError('value', `SIZER.${this.functionName}: ${name} is required`);
    return value;
  }

  optionalNumber(name: string): number | null {
    const value = this.scalar(name);
    if (isBlank(value) || this.emptyCellZero(name, value, 'number')) return null;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new FunctionError('value', `SIZER.${this.functionName}: ${name} must be a finite number, got ${String(value)}`);
      return value;
    }
    if (typeof value === 'string') {
      const parsed = Number(value.trim());
      if (Number.isFinite(parsed)) return parsed;
    }
    throw new FunctionError('value', `SIZER.${this.functionName}: ${name} must be a number, got ${JSON.stringify(value)}`);
  }

  number(name: string): number {
    const value = this.optionalNumber(name);
    if (value === null) throw new FunctionError('value', `SIZER.${this.functionName}: ${name} is required`);
    return value;
  }

  optionalBoolean(name: string): boolean | null {
    const value = this.scalar(name);
    if (isBlank(value) || this.emptyCellZero(name, value, 'boolean')) return null;
    if (typeof value === 'boolean') return value;
    if (value === 1 || value === 0) return value === 1;
    if (typeof value === 'string') {
      const lower = value.trim().toLowerCase();
      if (lower === 'true' || lower === 'yes') return true;
      if (lower === 'false' || lower === 'no') return false;
    }
    throw new FunctionError('value', `SIZER.${this.functionName}: ${name} must be TRUE or FALSE, got ${JSON.stringify(value)}`);
  }

  /**
   * A table argument (a range) as rows of cell values, or null when it is left out or blank. A single
   * value is a 1x1 table; an error value in any cell is #VALUE! naming the argument.
   */
  optionalTable(name: string): CellScalar[][] | null {
    if (!this.byName.has(name)) throw new Error(`SIZER.${this.functionName} has no argument ${name}`);
    const value = this.byName.get(name);
    const rows: CellScalar[][] = Array.isArray(value) ? value : [[value as CellScalar]];
    for (const row of rows) {
      for (const cell of row) {
        if (cell !== null && typeof cell === 'object') throw new FunctionError('value', `SIZER.${this.functionName}: ${name} is an error value, not an input (a cell of it holds an error)`);
      }
    }
    const blank = rows.every((row) => row.every((cell) => isBlank(cell)));
    if (blank || (!Array.isArray(value) && this.emptyCellZero(name, value as CellScalar, 'text'))) return null;
    return rows;
  }

  table(name: string): CellScalar[][] {
    const value = this.optionalTable(name);
    if (value === null) throw new FunctionError('value', `SIZER.${this.functionName}: ${name} is required`);
    return value;
  }

  /** The tier argument plus the optional memory and precision_set arguments, when the function has them. */
  hardware(tierArg = 'tier'): HardwareSpec {
    return {
      tier: this.text(tierArg),
      memory: this.byName.has('memory') ? this.optionalText('memory') : null,
      precisionSet: this.byName.has('precision_set') ? this.optionalText('precision_set') : null,
    };
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }
}
