/**
 * The worksheet functions are whatever the defs modules declare: each module exports its functions
 * and the section they are listed under (GROUP). Nothing here names a function, so a declared
 * function cannot be left out and a registered one cannot lack a declaration.
 */
import { excelNameProblems } from '../excel/names';
import { FUNCTION_GROUP_TITLES, type FunctionGroupId } from './groups';
import { isSizerFunction, type SizerFunction } from './types';

export interface FunctionGroup {
  readonly id: FunctionGroupId;
  readonly title: string;
  readonly functions: readonly SizerFunction[];
}

/** A defs module as the registry sees it: its exports by name. */
export type DeclaringModule = Readonly<Record<string, unknown>>;

function isGroupId(value: unknown): value is FunctionGroupId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FUNCTION_GROUP_TITLES, value);
}

/** The SizerFunctions a module exports (each once, even when exported under two names). */
export function declaredFunctions(module: DeclaringModule): SizerFunction[] {
  return [...new Set(Object.values(module).filter(isSizerFunction))];
}

/**
 * Groups in the order of FUNCTION_GROUP_TITLES, functions by name within a group (character code
 * order: the names are ASCII, and localeCompare's first call loads the locale's collation, which was
 * the largest item of functions.js's start-up). Throws when a
 * module declares functions without a GROUP, or a function is declared twice, or two functions share
 * a name, or an optional argument comes before a required one.
 */
export function collectFunctionGroups(modules: Readonly<Record<string, DeclaringModule>>): FunctionGroup[] {
  const byGroup = new Map<FunctionGroupId, SizerFunction[]>();
  const seen = new Map<string, string>();
  for (const [moduleName, module] of Object.entries(modules)) {
    const functions = declaredFunctions(module);
    if (functions.length === 0) continue;
    const group = module.GROUP;
    if (!isGroupId(group)) {
      throw new Error(`defs/${moduleName} declares ${functions.map((f) => f.name).join(', ')} but no GROUP (one of ${Object.keys(FUNCTION_GROUP_TITLES).join(', ')})`);
    }
    for (const fn of functions) {
      const other = seen.get(fn.name);
      if (other !== undefined) throw new Error(`SIZER.${fn.name} is declared twice (defs/${other} and defs/${moduleName})`);
      seen.set(fn.name, moduleName);
      checkDeclaration(fn);
    }
    byGroup.set(group, [...(byGroup.get(group) ?? []), ...functions]);
  }
  return (Object.keys(FUNCTION_GROUP_TITLES) as FunctionGroupId[]).flatMap((id) => {
    const functions = byGroup.get(id);
    if (!functions) return [];
    return [{ id, title: FUNCTION_GROUP_TITLES[id], functions: [...functions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) }];
  });
}

function checkDeclaration(fn: SizerFunction): void {
  const problems = excelNameProblems(fn.name);
  if (problems.length > 0) throw new Error(`SIZER.${fn.name}: Excel refuses this name: it ${problems.join('; it ')}`);
  let seenOptional = false;
  for (const a of fn.args) {
    if (seenOptional && !a.optional) throw new Error(`SIZER.${fn.name}: required argument ${a.name} follows an optional one`);
    seenOptional ||= a.optional;
  }
}

/**
 * What is wrong between the declarations and a registry: a declared function the registry lacks, a
 * registered one no module declares, or a registered name bound to a different declaration. Empty
 * when they agree. The tests run it on the real registry and on registries with one entry dropped.
 */
export function registrationProblems(modules: Readonly<Record<string, DeclaringModule>>, registered: readonly SizerFunction[]): string[] {
  const declared = new Map<string, { fn: SizerFunction; module: string }>();
  for (const [module, exports] of Object.entries(modules)) {
    for (const fn of declaredFunctions(exports)) declared.set(fn.name, { fn, module });
  }
  const registeredByName = new Map(registered.map((f) => [f.name, f]));
  const problems: string[] = [];
  for (const [name, { fn, module }] of declared) {
    const r = registeredByName.get(name);
    if (r === undefined) problems.push(`SIZER.${name} is declared in defs/${module} but not registered`);
    else if (r !== fn) problems.push(`SIZER.${name} is registered with a different declaration than defs/${module}'s`);
  }
  for (const name of registeredByName.keys()) {
    if (!declared.has(name)) problems.push(`SIZER.${name} is registered but no defs module declares it`);
  }
  return problems;
}
