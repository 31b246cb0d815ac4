/** vla.json: each model's VLM and action rate ranges are ordered and hold their defaults (min <= default <= max). */
import { failCatalog } from '../fail';
import type { CatalogFiles } from '../schemas';

const RATE_RANGES = [
  { min: 'vlmHzMin', value: 'defaultVlmHz', max: 'vlmHzMax' },
  { min: 'actionHzMin', value: 'defaultActionHz', max: 'actionHzMax' },
] as const;

export function checkVlaRateRanges(files: CatalogFiles): void {
  files['vla.json'].models.forEach((model, i) => {
    const rates = model.rates;
    for (const range of RATE_RANGES) {
      const path = `models[${i}].rates`;
      if (rates[range.min] > rates[range.max]) {
        failCatalog('vla.json', `${path}.${range.min}`, `${rates[range.min]} exceeds ${range.max} ${rates[range.max]}`);
      }
      if (rates[range.value] < rates[range.min] || rates[range.value] > rates[range.max]) {
        failCatalog('vla.json', `${path}.${range.value}`, `${rates[range.value]} is outside ${range.min}..${range.max} (${rates[range.min]}..${rates[range.max]})`);
      }
    }
  });
}
