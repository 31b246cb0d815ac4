/**
 * llm.json: each workload's RTX 5090 percentiles are ordered: the 95th percentile of decode speed and
 * of time to first token is never below the median of the same samples.
 */
import { failCatalog } from '../fail';
import type { CatalogFiles } from '../schemas';

const PERCENTILE_PAIRS = [
  ['decode5090TokSP50', 'decode5090TokSP95'],
  ['ttft5090SecP50', 'ttft5090SecP95'],
] as const;

export function checkLlmWorkloadPercentiles(files: CatalogFiles): void {
  files['llm.json'].workloads.forEach((workload, i) => {
    for (const [p50Field, p95Field] of PERCENTILE_PAIRS) {
      if (workload[p95Field] < workload[p50Field]) {
        failCatalog('llm.json', `workloads[${i}].${p95Field}`, `${workload[p95Field]} is below ${p50Field} ${workload[p50Field]}: a 95th percentile cannot be below the median`);
      }
    }
  });
}
