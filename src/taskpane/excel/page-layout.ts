/**
 * A sheet model's print layout in Excel, through Worksheet.pageLayout (ExcelApi 1.9; SIZER needs
 * 1.12 already): landscape, fit to one page wide and as many tall as needed, the header row repeated
 * on every page, and the header and footer of src/report/page-setup.ts. As Excel documents them
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout):
 *   - `orientation`: "The orientation of the worksheet's page", Excel.PageOrientation landscape;
 *   - `zoom`: PageLayoutZoomOptions; `horizontalFitToPages` "Number of pages to fit horizontally",
 *     `verticalFitToPages` likewise, and `scale` "can be null if fit to page tall or wide is specified"
 *     (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions), so no scale is
 *     given; 0 pages tall is Excel's "automatic" (as the file format's fitToHeight="0");
 *   - `setPrintTitleRows(range | string)`: "Sets the rows that contain the cells to be repeated at the
 *     top of each page for printing";
 *   - `setPrintTitleColumns(range | string)`: "Sets the columns that contain the cells to be repeated
 *     at the left of each page of the worksheet for printing" (a table wider than one page);
 *   - `headersFooters.defaultForAllPages` (Excel.HeaderFooter): centerHeader, leftFooter, centerFooter,
 *     rightFooter, each taking Excel's header/footer codes (&D date, &P page, &N pages, && a literal &).
 */
import { pageSetupOf, type SheetModel } from '../../report';

export function applyPageLayout(sheet: Excel.Worksheet, model: SheetModel): void {
  const setup = model.pageSetup ?? pageSetupOf(model);
  const layout = sheet.pageLayout;
  layout.orientation = 'Landscape' as Excel.PageOrientation; // Excel.PageOrientation.landscape
  layout.zoom = { horizontalFitToPages: setup.fitToPagesWide, verticalFitToPages: setup.fitToPagesTall };
  const [first, last] = setup.printTitleRows.split(':');
  layout.setPrintTitleRows(`$${first}:$${last}`);
  if (setup.printTitleColumns !== null) {
    const [from, to] = setup.printTitleColumns.split(':');
    layout.setPrintTitleColumns(`$${from}:$${to}`);
  }
  const page = layout.headersFooters.defaultForAllPages;
  page.centerHeader = setup.centerHeader;
  page.leftFooter = setup.leftFooter;
  page.centerFooter = setup.centerFooter;
  page.rightFooter = setup.rightFooter;
}
