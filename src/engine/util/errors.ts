/**
 * The one error type the engine throws. Hosts map `code` to their own vocabulary
 * (CLI error lines, Excel #VALUE!/#NUM!/#N/A), so the codes are a closed set.
 */
export type SizerErrorCode =
  | 'unknown_name' // a tier, pipeline, quant... that the catalog does not know
  | 'invalid_input' // wrong type, missing field, malformed value
  | 'not_whole' // a fraction where a whole number (a count) is asked for
  | 'out_of_range' // a number outside its valid range
  | 'not_applicable' // a valid combination the model cannot answer (dtype mismatch, ...)
  | 'catalog_invalid'; // the data catalog failed validation at load

export class SizerError extends Error {
  readonly code: SizerErrorCode;
  /** The input field the problem is about, when there is one. */
  readonly field: string | undefined;

  constructor(code: SizerErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'SizerError';
    this.code = code;
    this.field = field;
  }
}

export function isSizerError(value: unknown): value is SizerError {
  return value instanceof SizerError;
}
