import { SIZER_COMMIT, SIZER_VERSION } from '../../version';
import { defineFunction } from '../registry/types';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'about';

export const VERSION = defineFunction({
  name: 'VERSION',
  description: 'The SIZER add-in version, build and catalog version, for the trace column of a procurement model.',
  args: [],
  result: 'string',
  resultHelp: 'Text such as "SIZER 0.1.0 (abc1234), catalog 2026.11.29".',
  example: { formula: '=SIZER.VERSION()', answers: 'SIZER 0.1.0 (abc1234), catalog 2026.11.29' },
  implement: ({ engine }) => `SIZER ${SIZER_VERSION} (${SIZER_COMMIT}), catalog ${engine.catalog.version}`,
});
