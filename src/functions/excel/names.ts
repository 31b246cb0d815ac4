/**
 * The names Excel accepts for a custom function's id and name
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming, "Naming constraints
 * quick reference"): both start with a letter and have at least three characters; an id uses only
 * A-Z, 0-9, underscore and period; neither may look like a cell reference (A1 to XFD1048576, R1C1 to
 * R1048576C16384) or be an Excel 4.0 macro function. An id must never change once released
 * (custom-functions-json, "Associate function names with JSON metadata"), so a rename happens before
 * any workbook depends on it.
 */

/**
 * Excel 4.0 (XLM) macro functions a worksheet-function name could collide with. Not the whole XLM
 * catalogue: the command-like names a short English word could spell, which is how a collision
 * would happen (the docs name RUN and ECHO as examples).
 */
export const EXCEL4_MACRO_NAMES: readonly string[] = [
  'ABSREF', 'ALERT', 'ARGUMENT', 'BEEP', 'BREAK', 'CALL', 'CALLER', 'CANCEL.KEY', 'DEREF', 'DIRECTORY', 'DOCUMENTS',
  'ECHO', 'ELSE', 'ELSE.IF', 'END.IF', 'ERROR', 'EVALUATE', 'EXEC', 'EXECUTE', 'FCLOSE', 'FILES', 'FOPEN', 'FOR',
  'FOR.CELL', 'FORMULA', 'FPOS', 'FREAD', 'FREADLN', 'FSIZE', 'FWRITE', 'FWRITELN', 'GOTO', 'HALT', 'HELP', 'IF',
  'INITIATE', 'INPUT', 'LINKS', 'MESSAGE', 'NAMES', 'NEXT', 'OPEN', 'PAUSE', 'POKE', 'REFTEXT', 'REGISTER',
  'REGISTER.ID', 'RELREF', 'REQUEST', 'RESTART', 'RESULT', 'RESUME', 'RETURN', 'RUN', 'SAVE', 'SELECTION', 'SEND.KEYS',
  'SET.NAME', 'SET.VALUE', 'STEP', 'TERMINATE', 'TEXTREF', 'UNREGISTER', 'VOLATILE', 'WAIT', 'WHILE', 'WINDOWS',
];

const LAST_COLUMN = 16384; // XFD
const LAST_ROW = 1048576;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** True for A1-style (A1..XFD1048576) and R1C1-style (R1C1..R1048576C16384) references, in any case. */
export function looksLikeCellReference(text: string): boolean {
  const upper = text.toUpperCase();
  const a1 = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(upper);
  if (a1 && columnNumber(a1[1] ?? '') <= LAST_COLUMN && Number(a1[2]) <= LAST_ROW) return true;
  const r1c1 = /^R([1-9][0-9]{0,6})C([1-9][0-9]{0,4})$/.exec(upper);
  return r1c1 !== null && Number(r1c1[1]) <= LAST_ROW && Number(r1c1[2]) <= LAST_COLUMN;
}

/** Why Excel would refuse (or misread) this custom-function id or name; empty when it is fine. */
export function excelNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z]/.test(name)) problems.push('must start with a letter');
  if (name.length < 3) problems.push('must be at least three characters');
  if (!/^[A-Z0-9_.]*$/.test(name)) problems.push('may use only A-Z, 0-9, underscore and period');
  if (looksLikeCellReference(name)) problems.push('looks like a cell reference');
  if (EXCEL4_MACRO_NAMES.includes(name.toUpperCase())) problems.push('is an Excel 4.0 macro function');
  return problems;
}
