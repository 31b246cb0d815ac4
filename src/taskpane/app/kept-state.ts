/**
 * What the anchors panel and the calibration panel share: state kept from one session to the next
 * (the anchors file in per-user storage, the calibration in the workbook's settings) that the
 * functions runtime also reads when it starts.
 *
 * Applying a value hands it to the runtime and the pane, then asks Excel for a full recalculation:
 * SIZER cells are not volatile and no cell they read has changed, so without it Excel would keep
 * numbers computed under the old value. When the pane opens, the kept value is read and applied after
 * the runtime's own read of it, asking for a recalculation only when the runtime did not have it yet;
 * a user action before then wins.
 */
import * as React from 'react';
import type { FunctionsRuntimePort, WorkbookPort } from '../ports';

export type Notice = { readonly intent: 'success' | 'error' | 'warning'; readonly title: string; readonly text: string } | null;

/** The error's message without a final full stop (the panels add their own sentence after it). */
export function errorText(error: unknown, fallback: string): string {
  return (error instanceof Error ? error.message : fallback).replace(/\.\s*$/, '');
}

/** Ctrl+Alt+F9 is Excel's own full recalculation, the same request the pane makes. `inUse`: "The anchors are". */
export function notRecalculatedNotice(inUse: string): Notice {
  return {
    intent: 'warning',
    title: 'Excel did not recalculate',
    text: `${inUse} in use, but cells computed before may still show the old numbers: press Ctrl+Alt+F9 in Excel to recalculate them.`,
  };
}

export interface KeptStateOptions<S, T> {
  readonly port: Pick<WorkbookPort, 'recalculateWorkbook'>;
  readonly runtime: Pick<FunctionsRuntimePort, 'whenReady'>;
  /** Reads what was kept (null: nothing). */
  readonly load: () => Promise<S | null>;
  /** The value of what was kept; throws when it is no longer valid. */
  readonly parse: (stored: S) => T;
  /** Hands a value to the functions runtime; false when it already had it. */
  readonly setInRuntime: (value: T) => boolean;
  /** Hands a value to the pane (its engine). */
  readonly onChange: (value: T) => void;
  /** Shows what was restored at start. */
  readonly onRestored: (stored: S, value: T) => void;
  readonly invalidNotice: (error: unknown) => Notice;
  /** Shown when what was kept cannot be read at all (null: nothing to say). */
  readonly unavailableNotice: Notice;
  readonly notRecalculated: Notice;
}

export interface KeptState<T> {
  /** Applies a value (recalculating always, or only when the runtime did not have it); false when Excel refused the recalculation. */
  readonly apply: (value: T, recalculate: 'always' | 'if-changed') => Promise<boolean>;
  /** Call when the user loads, uses, clears or forgets: the restore at start no longer applies. */
  readonly userActs: () => void;
  readonly notice: Notice;
  readonly setNotice: React.Dispatch<React.SetStateAction<Notice>>;
}

export function useKeptState<S, T>(options: KeptStateOptions<S, T>): KeptState<T> {
  const [notice, setNotice] = React.useState<Notice>(null);
  const userActed = React.useRef(false);
  // The latest callbacks, so the restore runs once per port and runtime whatever the caller re-creates.
  const latest = React.useRef(options);
  // Layout effects run before the restore's effect, and before any click reaches apply.
  React.useLayoutEffect(() => {
    latest.current = options;
  });
  const { port, runtime } = options;

  const apply = React.useCallback(
    async (value: T, recalculate: 'always' | 'if-changed'): Promise<boolean> => {
      const changed = latest.current.setInRuntime(value);
      latest.current.onChange(value);
      if (recalculate === 'if-changed' && !changed) return true;
      try {
        await port.recalculateWorkbook();
        return true;
      } catch {
        return false;
      }
    },
    [port],
  );

  React.useEffect(() => {
    let cancelled = false;
    latest.current
      .load()
      .then((stored) => {
        if (cancelled || stored === null || userActed.current) return;
        let value: T;
        try {
          value = latest.current.parse(stored);
        } catch (error) {
          setNotice(latest.current.invalidNotice(error));
          return;
        }
        latest.current.onRestored(stored, value);
        // After the runtime's own read of the same entry, so that a value it already has is no change.
        void runtime
          .whenReady()
          .then(() => (cancelled || userActed.current ? true : apply(value, 'if-changed')))
          .then((recalculated) => {
            if (!recalculated && !cancelled) setNotice(latest.current.notRecalculated);
          });
      })
      .catch(() => {
        if (!cancelled && latest.current.unavailableNotice) setNotice(latest.current.unavailableNotice);
      });
    return () => {
      cancelled = true;
    };
  }, [port, runtime, apply]);

  const userActs = React.useCallback(() => {
    userActed.current = true;
  }, []);
  return { apply, userActs, notice, setNotice };
}

