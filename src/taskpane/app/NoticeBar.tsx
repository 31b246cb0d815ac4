/** A panel's notice (kept-state.ts) as a Fluent message bar; nothing when there is none. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type * as React from 'react';
import type { Notice } from './kept-state';

export function NoticeBar({ notice, testId }: { readonly notice: Notice; readonly testId: string }): React.ReactElement | null {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.text}
      </MessageBarBody>
    </MessageBar>
  );
}
