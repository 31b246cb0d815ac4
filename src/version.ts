/**
 * The add-in version, taken from package.json at build time. The typeof guard keeps this module importable
 * where DefinePlugin did not run (jest, HyperFormula tests); webpack folds it to the literal string.
 */
export const SIZER_VERSION: string = typeof __SIZER_VERSION__ === 'string' ? __SIZER_VERSION__ : '0.0.0-dev';

/** The short git commit of the build, for the provenance column of exports; "unknown" where webpack did not run. */
export const SIZER_COMMIT: string = typeof __SIZER_COMMIT__ === 'string' ? __SIZER_COMMIT__ : 'unknown';
