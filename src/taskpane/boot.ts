/*
 * Runs first on the shared-runtime page, before functions.js. zod (the catalog and anchors schemas)
 * probes whether it may compile validators with `new Function`; the page's Content-Security-Policy
 * forbids eval, so the probe fails and is caught, but Chromium still reports it as a CSP violation.
 * Telling zod to be jitless before any schema runs skips the probe: no eval is ever attempted.
 * zod keeps its global configuration on globalThis.__zod_globalConfig, so no import is needed here.
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...(scope.__zod_globalConfig ?? {}), jitless: true };

export {};
