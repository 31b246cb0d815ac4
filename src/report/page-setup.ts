/**
 * How a sheet prints: landscape, fitted to as few page widths as keep it readable (as many pages
 * tall as it takes), the header row repeated on every page (and the first column on every page of a
 * table wider than one page), and a header and footer naming the sheet, the SIZER
 * version and the print date. Both hosts apply it: the CLI's .xlsx (exceljs pageSetup/headerFooter)
 * and the task pane (Office.js worksheet.pageLayout, ExcelApi 1.9). One home for the print layout.
 */
import { SIZER_VERSION } from '../version';
import { sheetLayout } from './layout';
import type { PageSetup, SheetModel } from './types';

/** Text in a header or footer section: '&' starts a field code there, so a literal one is doubled. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * Column width (Excel character units) one landscape page prints at a readable size: a Letter or A4
 * page holds about 130 characters of Calibri 11 at 100%, so this keeps a table at 80% or more. This
 * config (29 columns, about 600 characters) printed at a quarter of that on one page width; it now
 * takes four pages wide, with its first column repeated.
 */
export const READABLE_WIDTH_PER_PAGE = 160;

/**
 * Rows above which a table keeps one page width: split across page widths, the 2,250-row full matrix
 * would print on some 200 pages instead of about 15; a table that long is read on screen (filtered),
 * and a print of it is an overview.
 */
export const SPLIT_WIDE_TABLES_UP_TO_ROWS = 60;

/**
 * Pages wide a table prints on: as many as keep READABLE_WIDTH_PER_PAGE characters of columns or
 * fewer on a page, for a table of at most SPLIT_WIDE_TABLES_UP_TO_ROWS rows; one for a longer table.
 */
export function pagesWideFor(columns: readonly { readonly width: number }[], rows: number): number {
  if (rows > SPLIT_WIDE_TABLES_UP_TO_ROWS) return 1;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  return Math.max(1, Math.ceil(width / READABLE_WIDTH_PER_PAGE));
}

export function pageSetupOf(model: Pick<SheetModel, 'title' | 'rows' | 'totals' | 'columns' | 'notes'>): PageSetup {
  const header = sheetLayout(model as SheetModel).headerRow + 1;
  const pagesWide = pagesWideFor(model.columns, model.rows.length);
  return {
    orientation: 'landscape',
    fitToPagesWide: pagesWide,
    fitToPagesTall: 0,
    printTitleRows: `${header}:${header}`,
    printTitleColumns: pagesWide > 1 ? 'A:A' : null,
    centerHeader: headerFooterText(model.title),
    leftFooter: headerFooterText(`SIZER ${SIZER_VERSION}`),
    centerFooter: '&D',
    rightFooter: 'Page &P of &N',
  };
}

/** The page header and footer as one Excel header/footer string each (&L, &C, &R sections). */
export function headerFooterStrings(setup: PageSetup): { header: string; footer: string } {
  return {
    header: `&C${setup.centerHeader}`,
    footer: `&L${setup.leftFooter}&C${setup.centerFooter}&R${setup.rightFooter}`,
  };
}
