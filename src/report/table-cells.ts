/**
 * Cells of a range a worksheet function reads as a table (SIZER.PLAN's requirements and prices,
 * SIZER.CALIBRATE's lab rows): what a cell can hold, and when it counts as empty. One home for the
 * table readers in plan-table.ts and calibration-table.ts and the calibration argument.
 */
export type TableCell = string | number | boolean | null | undefined;

/** Nothing in the cell: the web passes an empty cell as null, and text of only spaces is nothing too. */
export function isBlankCell(cell: TableCell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * Blank, or 0: Excel desktop hands over an empty cell of a range as 0. Only for a place where 0 is
 * no valid value (a text column, a measured rate, a name).
 */
export function isEmptyCell(cell: TableCell): boolean {
  return isBlankCell(cell) || cell === 0;
}
