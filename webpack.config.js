// @ts-check
/*
 * Three webpack configurations, built together into dist/:
 *   "web": the shared-runtime page (taskpane.html with functions.js + taskpane.js), functions.json, assets/,
 *          and the support page (support.html, the manifest's SupportUrl);
 *   "cli": dist/cli.js for Node, self-contained (npm packages and data/*.json are bundled), so
 *          `node dist/cli.js` works from any directory and without node_modules;
 *   "manifest": dist/manifest.xml, the add-in manifest to deploy, made from the development manifest.xml with every
 *          https://localhost:3000 URL moved under --env publicUrl=https://host/path/ (without publicUrl it is a
 *          copy of the development manifest). Its own configuration, so it builds in a second on its own
 *          (`--config-name manifest`, as tests/build/deploy-manifest.test.ts does).
 * No `output.clean`: all configurations write to dist/ and each would delete the others' files; the
 * "prebuild" npm script empties dist/ instead.
 */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { version } = require('./package.json');

/** @typedef {import('webpack-dev-server').Configuration} DevServerConfiguration (also types `devServer` below) */

const DIST = path.resolve(__dirname, 'dist');
const DEV_SERVER_PORT = 3000;
/** The origin every URL of the development manifest (manifest.xml) points at: the dev server of `npm start`. */
const DEV_ORIGIN = `https://localhost:${DEV_SERVER_PORT}`;
const DEV_MANIFEST = path.resolve(__dirname, 'manifest.xml');
const PUBLIC_URL_EXAMPLE = 'https://sizer.example.com/addin/';

/** Type-checks only the files a bundle actually includes, so unrelated work in progress cannot break it. */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { onlyCompileBundledFiles: true } },
};

/**
 * Every bundle compiles TypeScript to ES modules (tsconfig.json says commonjs, for jest and tsc), so
 * webpack can tree-shake and split at `import()`: with CommonJS output every Fluent UI component and icon
 * would be bundled (an 18 MB taskpane.js instead of about 450 KB).
 */
const esModuleTypescriptRule = {
  ...typescriptRule,
  use: { loader: 'ts-loader', options: { onlyCompileBundledFiles: true, compilerOptions: { module: 'es2020' } } },
};

/** The commit a build came from, stamped into exports (sizer_commit_sha); "unknown" outside a git checkout. */
function buildCommit() {
  try {
    return require('child_process').execSync('git rev-parse --short HEAD', { cwd: __dirname, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Data checked now, when SIZER is built, and shipped as JSON text with its content hash, which the bundles
 * verify at start instead of validating again (docs/decisions/0026-shipped-catalog-checked-at-build.md):
 * the catalog, by the engine's own loader (zod schemas and every cross-check; a bad catalog stops the build
 * with the loader's message naming the file and JSON path), and data/calibration.json by its zod schema.
 * Run through tsx; computed once per build, shared by the web and CLI configurations.
 */
const checkedAtBuild = new Map();
/**
 * @param {string} what
 * @param {string} modulePath
 * @param {string} exportName
 * @returns {{ text: string, hash: string }}
 */
function shippedAfterCheck(what, modulePath, exportName) {
  if (!checkedAtBuild.has(what)) {
    const ship = require('tsx/cjs/api').require(modulePath, __filename)[exportName];
    try {
      checkedAtBuild.set(what, ship());
    } catch (error) {
      throw new Error(`[sizer] ${what} is invalid, so nothing was built: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return checkedAtBuild.get(what);
}
const checkedShippedCatalog = () => shippedAfterCheck('the catalog in data/', './src/engine/catalog/shipped.ts', 'shipCatalog');
const checkedShippedCalibration = () => shippedAfterCheck('data/calibration.json', './src/engine/calibration/shipped.ts', 'shipCalibration');

/** Build-time constants (src/globals.d.ts): the version, the commit, the checked catalog and calibration. */
const defineVersion = () =>
  new webpack.DefinePlugin({
    __SIZER_VERSION__: JSON.stringify(version),
    __SIZER_COMMIT__: JSON.stringify(buildCommit()),
    __SIZER_SHIPPED_CATALOG_TEXT__: JSON.stringify(checkedShippedCatalog().text),
    __SIZER_SHIPPED_CATALOG_HASH__: JSON.stringify(checkedShippedCatalog().hash),
    __SIZER_SHIPPED_CALIBRATION_TEXT__: JSON.stringify(checkedShippedCalibration().text),
    __SIZER_SHIPPED_CALIBRATION_HASH__: JSON.stringify(checkedShippedCalibration().hash),
  });

/** Makes the emitted CLI executable, so `./dist/cli.js` and the package "bin" entry work directly. */
class ChmodExecutablePlugin {
  /** @param {string} filename */
  constructor(filename) {
    this.filename = filename;
  }
  /** @param {webpack.Compiler} compiler */
  apply(compiler) {
    compiler.hooks.afterEmit.tap('ChmodExecutablePlugin', () => {
      const file = path.join(compiler.outputPath, this.filename);
      if (fs.existsSync(file)) fs.chmodSync(file, 0o755);
    });
  }
}

/**
 * HTTPS options for the dev server: the certificate made by office-addin-dev-certs (scripts/start.mjs runs
 * it first) when it exists, else undefined and webpack-dev-server generates its own self-signed one.
 * Only called when serving, so a production build never touches the certificate folder.
 */
function devCertificates() {
  const certs = require('office-addin-dev-certs/lib/defaults');
  const files = { ca: certs.caCertificatePath, cert: certs.localhostCertificatePath, key: certs.localhostKeyPath };
  if (!Object.values(files).every((file) => fs.existsSync(file))) {
    console.warn('[sizer] no office-addin-dev-certs certificate found; using a self-signed one.');
    return undefined;
  }
  return Object.fromEntries(Object.entries(files).map(([name, file]) => [name, fs.readFileSync(file)]));
}

/**
 * The address dist/ will be served from, from `--env publicUrl=...`; null when not given. Office loads add-in
 * pages only over HTTPS, and the manifest's URLs are this prefix plus a file name, so it must end with "/".
 * @param {unknown} raw
 * @returns {string | null}
 */
function parsePublicUrl(raw) {
  if (raw === undefined) return null;
  const usage = `give the HTTPS address dist/ will be served from, ending in "/", e.g. --env publicUrl=${PUBLIC_URL_EXAMPLE}`;
  if (typeof raw !== 'string' || raw === '') throw new Error(`[sizer] --env publicUrl needs a value: ${usage}`);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`[sizer] publicUrl "${raw}" is not a URL: ${usage}`);
  }
  if (url.protocol !== 'https:') throw new Error(`[sizer] publicUrl "${raw}" must use https (Office loads add-ins only over HTTPS): ${usage}`);
  if (!raw.endsWith('/')) throw new Error(`[sizer] publicUrl "${raw}" must end with "/" (it is the folder holding taskpane.html): ${usage}`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`[sizer] publicUrl "${raw}" must be a plain folder address, without user name, query or fragment: ${usage}`);
  }
  return url.href;
}

/**
 * The deployable manifest: the development manifest with its dev-server URLs moved under publicUrl (a bare
 * origin, as an AppDomain would be written, becomes publicUrl's origin). Throws when any localhost is left.
 * @param {string} devManifest
 * @param {string} publicUrl
 * @returns {string}
 */
function deployManifest(devManifest, publicUrl) {
  const origin = new URL(publicUrl).origin;
  const built = devManifest
    .replace(/<!--[\s\S]*?-->/, `<!--\n  Built by webpack.config.js from manifest.xml (edit that file and build again, not this one), to be deployed\n  with the rest of dist/ served at\n    ${publicUrl}\n-->`)
    .split(`${DEV_ORIGIN}/`)
    .join(publicUrl)
    .split(DEV_ORIGIN)
    .join(origin);
  const left = /[^"<>\s]*localhost[^"<>\s]*/.exec(built);
  if (left) throw new Error(`[sizer] manifest.xml has a localhost address not under ${DEV_ORIGIN}/: ${left[0]}`);
  return built;
}

/** Emits manifest.xml: for publicUrl when given, else the development manifest as it is. */
class ManifestPlugin {
  /** @param {string | null} publicUrl */
  constructor(publicUrl) {
    this.publicUrl = publicUrl;
  }
  /** @param {webpack.Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ManifestPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(DEV_MANIFEST);
        const devManifest = fs.readFileSync(DEV_MANIFEST, 'utf8');
        const text = this.publicUrl ? deployManifest(devManifest, this.publicUrl) : devManifest;
        compilation.emitAsset('manifest.xml', new webpack.sources.RawSource(text));
      });
    });
    if (!this.publicUrl) {
      compiler.hooks.done.tap('ManifestPlugin', () =>
        console.log(`[sizer] dist/manifest.xml points at ${DEV_ORIGIN} (development); for a deployable one build with --env publicUrl=${PUBLIC_URL_EXAMPLE}`),
      );
    }
  }
}

/**
 * @param {string | null} publicUrl
 * @returns {webpack.Configuration}
 */
function manifestConfig(publicUrl) {
  return {
    name: 'manifest',
    // No modules: the one output is the manifest the plugin emits.
    entry: {},
    output: { path: DIST },
    plugins: [new ManifestPlugin(publicUrl)],
  };
}

/**
 * @param {boolean} production
 * @param {boolean} serving true under `webpack serve`
 * @returns {webpack.Configuration}
 */
function webConfig(production, serving) {
  return {
    name: 'web',
    target: 'web',
    entry: {
      // First on the page: makes zod jitless, so nothing attempts eval under the page's CSP (see boot.ts).
      boot: './src/taskpane/boot.ts',
      functions: './src/functions/functions.ts',
      // The React pane shares functions.js's webpack runtime and module instances (same page), so the
      // engine, the catalog and `sizerRuntime` are bundled and instantiated once.
      taskpane: { import: './src/taskpane/index.tsx', dependOn: 'functions' },
    },
    output: { path: DIST, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: { rules: [esModuleTypescriptRule] },
    // Never an eval-based devtool: the page's Content-Security-Policy forbids eval.
    devtool: production ? false : 'source-map',
    plugins: [
      defineVersion(),
      new CustomFunctionsMetadataPlugin({ input: './src/functions/functions.ts', output: 'functions.json' }),
      // One HTML page for the shared runtime (see the comment in taskpane.html): no separate functions.html,
      // because Office loads the functions from the runtime page named in the manifest, not from their own.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['boot', 'functions', 'taskpane'],
        chunksSortMode: 'manual',
        templateParameters: { version },
      }),
      // The manifest's SupportUrl: static, no script; its text is shared with the pane (src/support/about.json).
      new HtmlWebpackPlugin({
        filename: 'support.html',
        template: './src/support/support.html',
        inject: false,
        chunks: [],
        templateParameters: { version, about: require('./src/support/about.json') },
      }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets' }] }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      host: 'localhost',
      // Excel (desktop webviews and Excel on the web) fetches the pages and functions.json cross-origin.
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: serving ? devCertificates() : undefined },
      // What is served is also written to dist/, so dist/ always matches what Excel sees.
      devMiddleware: { writeToDisk: true },
      static: false,
      client: { overlay: { errors: true, warnings: false } },
    },
    performance: { hints: false },
  };
}

/**
 * @param {boolean} production
 * @returns {webpack.Configuration}
 */
function cliConfig(production) {
  return {
    name: 'cli',
    target: 'node20',
    entry: { cli: './src/cli/main.ts' },
    // The xlsx writer (exceljs) is a chunk of its own, dist/cli-xlsx.js, required only by an .xlsx export
    // (src/cli/export/command.ts), so the commands that do not write xlsx never read or compile it.
    output: { path: DIST, filename: '[name].js', chunkFilename: '[name].js' },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    // ES modules out of ts-loader (as for the web bundles) so webpack sees `import()` and splits there;
    // with CommonJS output the dynamic import would compile to a plain require and stay in cli.js.
    module: { rules: [esModuleTypescriptRule] },
    devtool: production ? false : 'source-map',
    // Unminified: a CLI gains nothing from minification and its stack traces stay readable.
    // No split of the xlsx chunk's npm packages into a numbered vendors file: one named file per chunk.
    optimization: { minimize: false, splitChunks: false },
    plugins: [
      defineVersion(),
      new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true }),
      new ChmodExecutablePlugin('cli.js'),
    ],
    performance: { hints: false },
  };
}

/** @type {(env: Record<string, unknown>, argv: { mode?: string }) => webpack.Configuration[]} */
module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const publicUrl = parsePublicUrl(env.publicUrl);
  return [webConfig(production, serving), cliConfig(production), manifestConfig(publicUrl)];
};
