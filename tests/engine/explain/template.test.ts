/** Explanation templates: compiled once with the catalog, filled with the same rules as before. */
import { loadBundledCatalog } from '../../../src/engine';
import { compileTemplate, fill } from '../../../src/engine/explain/template';

const catalog = loadBundledCatalog();

describe('explanation templates', () => {
  it('fills every {name} with its value and leaves other braces as they are', () => {
    expect(fill(catalog, 'a {x} b {{y} c {not a name} {z}', { x: 1.5, y: 'Y', z: '' })).toBe('a 1.5 b {Y c {not a name} ');
    expect(fill(catalog, 'no placeholder', {})).toBe('no placeholder');
    expect(compileTemplate('{a}{b}')).toEqual({ literals: ['', '', ''], names: ['a', 'b'] });
  });

  it('refuses a template naming a value that is not given', () => {
    expect(() => fill(catalog, 'ratio {ratio}x', {})).toThrow('explanation template needs {ratio}: ratio {ratio}x');
  });

  it("compiles every template of data/explanations.json when the catalog is assembled", () => {
    const x = catalog.files['explanations.json'];
    for (const template of [x.share, x.bandwidthRatio, x.memoryUpgrade, x.capability, x.vla.controlLoop]) {
      expect(catalog.explanationTemplates.get(template)).toEqual(compileTemplate(template));
    }
    // Texts without a placeholder need no compiling.
    expect(catalog.explanationTemplates.has(x.cpuPreprocessing)).toBe(false);
  });
});
