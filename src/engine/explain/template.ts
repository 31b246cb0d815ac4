/** Filling data/explanations.json's templates: {name} placeholders, every one of them given. */
export type TemplateValues = Readonly<Record<string, string | number>>;

export function fill(template: string, values: TemplateValues): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => {
    const value = values[name];
    // A template naming a value the engine does not supply is a catalog/engine mismatch, not a user error.
    if (value === undefined) throw new Error(`explanation template needs {${name}}: ${template}`);
    return String(value);
  });
}

/** A number with a fixed count of decimals, as the reference's captions print them. */
export function fixed(value: number, decimals: number): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : String(value);
}

export function percent(fraction: number): string {
  return (fraction * 100).toFixed(0);
}
