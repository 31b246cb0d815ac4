/**
 * Reads a function's arguments by name with Excel semantics: an omitted optional argument arrives
 * as null (or undefined, or an empty string) and takes the default; text arguments accept numbers
 * (a tier typed as 5090); number arguments accept numeric text; a range where a single value is
 * expected, or the wrong type, is a #VALUE! error that names the argument.
 */
import type { Catalog, HardwareSpec } from '../../engine';
import { type ArgSpec, type CellInput, type CellScalar, FunctionError, renderText } from './types';

function isBlank(value: CellInput): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export class ArgReader {
  private readonly byName = new Map<string, CellInput>();

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
    });
  }

  private scalar(name: string): CellScalar {
    if (!this.byName.has(name)) throw new Error(`SIZER.${this.functionName} has no argument ${name}`);
    const value = this.byName.get(name);
    if (Array.isArray(value)) {
      // A 1x1 range is a single value; anything larger is a mistake.
      if (value.length === 1 && value[0]?.length === 1) return value[0][0];
      throw new FunctionError('value', `SIZER.${this.functionName}: ${name} expects a single value, not a range`);
    }
    return value;
  }

  optionalText(name: string): string | null {
    const value = this.scalar(name);
    if (isBlank(value)) return null;
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
    if (isBlank(value)) return null;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new FunctionError('num', `SIZER.${this.functionName}: ${name} must be a finite number`);
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
    if (isBlank(value)) return null;
    if (typeof value === 'boolean') return value;
    if (value === 1 || value === 0) return value === 1;
    if (typeof value === 'string') {
      const lower = value.trim().toLowerCase();
      if (lower === 'true' || lower === 'yes') return true;
      if (lower === 'false' || lower === 'no') return false;
    }
    throw new FunctionError('value', `SIZER.${this.functionName}: ${name} must be TRUE or FALSE, got ${JSON.stringify(value)}`);
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
