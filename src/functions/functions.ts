/*
 * Excel custom functions (placeholder until the function registry lands).
 *
 * custom-functions-metadata-plugin reads the JSDoc below to generate dist/functions.json, and its loader
 * appends `CustomFunctions.associate("<ID>", <function>)` for every @customfunction in this file, so the
 * shared runtime gets its registrations without hand-written associate calls (a second one would be a
 * duplicate registration).
 */
import { SIZER_VERSION } from '../version';

/**
 * Returns the version of the SIZER for Excel add-in.
 * @customfunction VERSION
 * @returns The add-in version, for example "0.1.0".
 */
export function version(): string {
  return SIZER_VERSION;
}
