// @ts-check
/*
 * Two webpack configurations, built together into dist/:
 *   "web": the shared-runtime page (taskpane.html with functions.js + taskpane.js), functions.json, assets/;
 *   "cli": dist/cli.js for Node, self-contained (npm packages and data/*.json are bundled), so
 *          `node dist/cli.js` works from any directory and without node_modules.
 * No `output.clean`: both configurations write to dist/ and each would delete the other's files; the
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

/** Type-checks only the files a bundle actually includes, so unrelated work in progress cannot break it. */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { onlyCompileBundledFiles: true } },
};

/**
 * The web bundles compile TypeScript to ES modules (tsconfig.json says commonjs, for jest and tsc), so
 * webpack can tree-shake: with CommonJS output every Fluent UI component and icon would be bundled
 * (an 18 MB taskpane.js instead of about 450 KB).
 */
const webTypescriptRule = {
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

const defineVersion = () =>
  new webpack.DefinePlugin({ __SIZER_VERSION__: JSON.stringify(version), __SIZER_COMMIT__: JSON.stringify(buildCommit()) });

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
    module: { rules: [webTypescriptRule] },
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
    output: { path: DIST, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: { rules: [typescriptRule] },
    devtool: production ? false : 'source-map',
    // Unminified: a CLI gains nothing from minification and its stack traces stay readable.
    optimization: { minimize: false },
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
  return [webConfig(production, serving), cliConfig(production)];
};
