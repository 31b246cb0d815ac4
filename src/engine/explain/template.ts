/**
 * Filling data/explanations.json's templates: {name} placeholders, every one of them given. Each template
 * is split into its literal text and placeholder names once, when the catalog is assembled
 * (catalog.explanationTemplates): a query's explanation fills several templates, and scanning each with a
 * regular expression per fill cost more than the projection itself.
 */
import type { Catalog } from '../catalog/load';

export type TemplateValues = Readonly<Record<string, string | number>>;

/** A template as literal text around its placeholders: literals[0] names[0] literals[1] ... literals[n]. */
export interface CompiledTemplate {
  readonly literals: readonly string[];
  readonly names: readonly string[];
}

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;
/** The same pattern without the global flag: test() leaves no lastIndex behind for matchAll to start from. */
const HAS_PLACEHOLDER = /\{[a-zA-Z]+\}/;

export function compileTemplate(template: string): CompiledTemplate {
  const literals: string[] = [];
  const names: string[] = [];
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    literals.push(template.slice(from, match.index));
    names.push(match[1] as string);
    from = match.index + match[0].length;
  }
  literals.push(template.slice(from));
  return Object.freeze({ literals: Object.freeze(literals), names: Object.freeze(names) });
}

/** Every text of the explanations file (at any depth) that has a placeholder, compiled, by its text. */
export function compileTemplates(file: unknown): ReadonlyMap<string, CompiledTemplate> {
  const compiled = new Map<string, CompiledTemplate>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!compiled.has(value) && HAS_PLACEHOLDER.test(value)) compiled.set(value, compileTemplate(value));
    } else if (value !== null && typeof value === 'object') {
      for (const inner of Object.values(value)) visit(inner);
    }
  };
  visit(file);
  return compiled;
}

export function fill(catalog: Catalog, template: string, values: TemplateValues): string {
  // A template from outside the catalog's explanations (none today) is compiled on the spot.
  const { literals, names } = catalog.explanationTemplates.get(template) ?? compileTemplate(template);
  let text = literals[0] as string;
  for (let i = 0; i < names.length; i++) {
    const value = values[names[i] as string];
    // A template naming a value the engine does not supply is a catalog/engine mismatch, not a user error.
    if (value === undefined) throw new Error(`explanation template needs {${names[i]}}: ${template}`);
    text += String(value) + (literals[i + 1] as string);
  }
  return text;
}

/** A number with a fixed count of decimals, as the reference's captions print them. */
export function fixed(value: number, decimals: number): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : String(value);
}

export function percent(fraction: number): string {
  return (fraction * 100).toFixed(0);
}
