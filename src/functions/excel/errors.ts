/**
 * Maps registry errors to Excel's CustomFunctions.Error: #VALUE! or #N/A, the two codes whose message
 * Excel shows (https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode).
 */
import type { FunctionError } from '../registry/types';

/** Excel limits the message shown with an error; keep the start, which names the argument. */
const MAX_MESSAGE_LENGTH = 255;

export function toExcelError(error: FunctionError): CustomFunctions.Error {
  const code = error.kind === 'na' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  const message = error.message.length > MAX_MESSAGE_LENGTH ? `${error.message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : error.message;
  return new CustomFunctions.Error(code, message);
}
