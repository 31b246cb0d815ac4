/**
 * Where the pane page is running: inside Excel, or somewhere else (a plain browser tab, another Office
 * application, or a page whose Office.js never arrived). Decided from the Office global, which is the
 * only Office boundary this module touches, so tests hand it fakes.
 *
 * What Microsoft documents (https://learn.microsoft.com/javascript/api/office, Office.onReady;
 * https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in, "Initialize with Office.onReady()"):
 *   - outside an Office application onReady resolves with host null and platform null;
 *   - when the Office.js files are blocked (network filters, firewalls, extensions) onReady never resolves;
 * and when the script fails to load at all, the Office global is simply missing. An old report
 * (https://github.com/OfficeDev/office-js/issues/306) had onReady claim host "Excel" in a plain browser, with
 * Office.context missing; so "in Excel" also requires Office.context.
 */

export type PaneHost = 'excel' | 'outside';

/**
 * How long the page waits for Office.onReady before showing the "open SIZER from Excel" state. A later
 * answer of "Excel" still brings up the pane (see whenHostKnown), so a slow Excel start is not stuck on it.
 */
export const OFFICE_READY_TIMEOUT_MS = 5000;

/** The part of Office.js this module reads; everything else about the global is unknown. */
interface OfficeGlobal {
  readonly onReady?: (callback?: (info: { host: unknown }) => void) => unknown;
  readonly context?: unknown;
  readonly HostType?: { readonly Excel?: unknown };
}

function asOffice(office: unknown): OfficeGlobal | null {
  return typeof office === 'object' && office !== null ? (office as OfficeGlobal) : null;
}

function isExcel(office: OfficeGlobal, host: unknown): boolean {
  const excel = office.HostType?.Excel ?? 'Excel';
  return host !== null && host !== undefined && String(host) === String(excel) && office.context !== undefined && office.context !== null;
}

/**
 * Calls show('outside') at once when Office.js is missing or unusable, and after timeoutMs when
 * Office.onReady has not answered; show('excel') or show('outside') when it answers. An answer of Excel
 * after the timeout still calls show('excel') (the pane replaces the "open from Excel" state); nothing is
 * shown twice.
 */
export function whenHostKnown(office: unknown, show: (host: PaneHost) => void, timeoutMs: number = OFFICE_READY_TIMEOUT_MS): void {
  const api = asOffice(office);
  let shown: PaneHost | null = null;
  const showOnce = (host: PaneHost): void => {
    if (shown === host || shown === 'excel') return;
    shown = host;
    show(host);
  };
  if (!api || typeof api.onReady !== 'function') {
    showOnce('outside');
    return;
  }
  const timer = setTimeout(() => showOnce('outside'), timeoutMs);
  const answer = (info: unknown): void => {
    clearTimeout(timer);
    const host = typeof info === 'object' && info !== null ? (info as { host?: unknown }).host : undefined;
    showOnce(isExcel(api, host) ? 'excel' : 'outside');
  };
  try {
    // The promise form only: Office.js resolves it with the same info it passes a callback.
    const ready = api.onReady();
    if (ready && typeof (ready as PromiseLike<unknown>).then === 'function') {
      (ready as PromiseLike<unknown>).then(answer, () => answer(null));
    } else {
      answer(null);
    }
  } catch {
    answer(null);
  }
}
