import { SIZER_COMMIT, SIZER_VERSION } from '../../version';
import { defineFunction } from '../registry/types';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'about';

export const VERSION = defineFunction({
  name: 'VERSION',
  description: 'The SIZER add-in version, build and catalog version, for the trace column of a procurement model.',
  args: [],
  result: 'string',
  resultHelp: (c) => `Text such as "SIZER ${SIZER_VERSION} (abc1234), catalog ${c.version}".`,
  example: { formula: '=SIZER.VERSION()', answers: (c) => `SIZER ${SIZER_VERSION} (abc1234), catalog ${c.version}` },
  implement: ({ engine }) => `SIZER ${SIZER_VERSION} (${SIZER_COMMIT}), catalog ${engine.catalog.version}`,
});
