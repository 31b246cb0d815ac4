/**
 * Every module that declares worksheet functions. The registry registers every SizerFunction these
 * modules export; tests/functions/registration.test.ts reads this folder and fails when a module (or
 * a function in it) is missing from the registry.
 */
import * as calibration from './calibration';
import * as context from './context';
import * as hardware from './hardware';
import * as inverse from './inverse';
import * as llm from './llm';
import * as lookups from './lookups';
import * as models from './models';
import * as platform from './platform';
import * as procurement from './procurement';
import * as version from './version';
import * as vision from './vision';
import * as vla from './vla';

export const DEFS_MODULES = { calibration, context, hardware, inverse, llm, lookups, models, platform, procurement, version, vision, vla } as const;
