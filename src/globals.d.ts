/**
 * Build-time constants injected by webpack's DefinePlugin (see webpack.config.js).
 * Read them through src/version.ts, which also works where webpack did not run (jest).
 */
declare const __SIZER_VERSION__: string;
declare const __SIZER_COMMIT__: string;
/** The shipped catalog's validated JSON text and its content hash, from the build (src/engine/catalog/shipped.ts); absent under jest. */
declare const __SIZER_SHIPPED_CATALOG_TEXT__: string;
declare const __SIZER_SHIPPED_CATALOG_HASH__: string;
/** data/calibration.json, validated at build, and its content hash (src/engine/calibration/shipped.ts); absent under jest. */
declare const __SIZER_SHIPPED_CALIBRATION_TEXT__: string;
declare const __SIZER_SHIPPED_CALIBRATION_HASH__: string;
