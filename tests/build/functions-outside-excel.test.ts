/**
 * The built dist/functions.js (from `npm test`'s pretest build) loads where Excel's CustomFunctions runtime
 * does not exist: a plain browser tab opening taskpane.html, or Node. custom-functions-metadata-plugin appends
 * bare `CustomFunctions.associate(...)` calls to the bundle; Microsoft documents associate
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json, "Associate function names with
 * JSON metadata") but not what happens without the global, where plain JavaScript throws a ReferenceError.
 * The bundle is run in a fresh V8 context that looks like a browser window (self/window) without Office.
 */
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';

const FUNCTIONS_JS = path.resolve(__dirname, '../../dist/functions.js');

function bundle(): string {
  if (!fs.existsSync(FUNCTIONS_JS)) throw new Error(`${FUNCTIONS_JS} is missing: run "npm run build" (npm test does it first)`);
  return fs.readFileSync(FUNCTIONS_JS, 'utf8');
}

/** A global object like a browser window's: webpack's runtime reaches its chunk registry through `self`. */
function windowLikeContext(extra: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({ console, setTimeout, clearTimeout, ...extra });
  context.self = context;
  context.window = context;
  return context;
}

describe('dist/functions.js outside Excel', () => {
  it('loads without throwing where CustomFunctions is undefined', () => {
    const context = windowLikeContext();
    expect(() => vm.runInContext(bundle(), context, { filename: 'functions.js' })).not.toThrow();
    expect(vm.runInContext('typeof CustomFunctions', context)).toBe('undefined');
  });

  it('still registers every function where Excel provides CustomFunctions', () => {
    const associated: string[] = [];
    const context = windowLikeContext({ CustomFunctions: { associate: (id: string) => associated.push(id) } });
    vm.runInContext(bundle(), context, { filename: 'functions.js' });
    expect([...associated].sort()).toEqual(SIZER_FUNCTIONS.map((f) => f.name).sort());
  });
});
