/**
 * The private anchors file as kept in per-user storage (OfficeRuntime.storage, SharedRuntime 1.1):
 * one entry holding the file's name and text. The functions runtime reads it when the runtime starts
 * (no worksheet function answers before that read is done, see runtime.ts); the task pane's anchors
 * panel reads it to show what is loaded, and is the only writer. Never in the workbook, never logged.
 */
import { type AnchorSet, formatFromFileName, parseAnchors } from '../../engine';

/** The part of OfficeRuntime.storage SIZER uses. */
export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** A private anchors file as kept in per-user storage: its text and the name it was loaded from. */
export interface StoredAnchors {
  readonly fileName: string;
  readonly text: string;
}

export const ANCHORS_STORAGE_KEY = 'sizer.anchors.v1';

/** The stored entry, or null when there is none or it cannot be read (the user loads the file again). */
export function parseStoredEntry(raw: string | null): StoredAnchors | null {
  if (raw === null || raw === '') return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredAnchors>;
    if (typeof value.fileName === 'string' && typeof value.text === 'string') return { fileName: value.fileName, text: value.text };
  } catch {
    // An unreadable entry is treated as none.
  }
  return null;
}

export function serializeStoredEntry(stored: StoredAnchors): string {
  return JSON.stringify({ fileName: stored.fileName, text: stored.text });
}

/** The anchors of a stored file; throws the parser's message (first problem by key path) when it is no longer valid. */
export function anchorsOfStored(stored: StoredAnchors): AnchorSet {
  return parseAnchors(stored.text, formatFromFileName(stored.fileName));
}

/** OfficeRuntime.storage on this page, or null (a plain browser, Office.js unreachable, tests). OfficeRuntime has no types in @types/office-js. */
export function officeRuntimeStorage(): KeyValueStorage | null {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValueStorage } }).OfficeRuntime;
  return runtime?.storage ?? null;
}
