import { Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { useNotify } from '../app/feedback';
import { useT } from '../app/i18n';
import { useAddComment } from './queries';

export function CommentBox({ taskId }: { taskId: number }) {
  const t = useT();
  const notify = useNotify();
  const [text, setText] = useState('');
  const add = useAddComment(taskId);
  const send = () =>
    add.mutate(text.trim(), {
      onSuccess: () => setText(''),
      onError: notify.error,
    });
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('ui.task.commentPlaceholder')}
        aria-label={t('ui.task.comment')}
        maxLength={4000}
        data-testid="comment-input"
      />
      <div>
        <Button onClick={send} disabled={!text.trim()} loading={add.isPending} data-testid="comment-send">
          {t('ui.task.sendComment')}
        </Button>
      </div>
    </Flex>
  );
}
