/**
 * Completion confirmed (issue 9): what a unit reported and waits for the coordinator, with its
 * evidence and the coordinator's two answers; and, on top of a returned task, why it came back.
 */
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import type { TPendingCompletion, TTaskDetail } from '@contract';
import { Alert, Button, Flex, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNotify } from '../app/feedback';
import { formatDate, formatDateTime } from '../app/format';
import { useT } from '../app/i18n';
import { useConfirmCompletion, useReturnCompletion } from './queries';

/** The coordinator's reason, first thing the unit reads when the task comes back. */
export function ReturnedNote({ task }: { task: TTaskDetail }) {
  const t = useT();
  const returned = task.returned;
  if (!returned) return null;
  const what = returned.occurrence ? t('ui.confirm.returnedOccurrence', { date: formatDate(returned.occurrence) }) : t('ui.confirm.returnedTask');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="task-returned"
      title={what}
      description={
        <>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }} data-testid="task-returned-reason">
            {t('ui.history.reason', { reason: returned.reason })}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {returned.by?.fullName ?? ''} · {formatDateTime(returned.at)}
          </Typography.Text>
        </>
      }
    />
  );
}

function Evidence({ task, pending }: { task: TTaskDetail; pending: TPendingCompletion }) {
  const t = useT();
  const file = pending.evidenceFileId === null ? undefined : task.files.find((f) => f.id === pending.evidenceFileId);
  if (pending.evidenceLink) {
    return (
      <a href={pending.evidenceLink} target="_blank" rel="noreferrer noopener" data-testid="evidence-link">
        {pending.evidenceLink}
      </a>
    );
  }
  if (pending.evidenceFileId !== null) {
    return (
      <a href={`/api/files/${pending.evidenceFileId}`} download={file?.name} data-testid="evidence-file">
        {file?.name ?? t('ui.confirm.evidenceFile')}
      </a>
    );
  }
  return <Typography.Text type="secondary">{t('ui.confirm.noEvidence')}</Typography.Text>;
}

function ReturnModal({ task, pending, onClose }: { task: TTaskDetail; pending: TPendingCompletion; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const giveBack = useReturnCompletion(task.id);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const empty = reason.trim() === '';
  const submit = () => {
    setTouched(true);
    if (empty) return;
    giveBack.mutate(
      { version: task.version, occurrence: pending.occurrence ?? undefined, reason: reason.trim() },
      {
        onSuccess: () => {
          notify.success(t('ui.confirm.returnedDone'));
          onClose();
        },
        onError: notify.error,
      },
    );
  };
  return (
    <Modal
      open
      title={t('ui.confirm.returnTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('ui.confirm.return')}
      okButtonProps={{ danger: true, loading: giveBack.isPending, id: 'return-submit' }}
      data-testid="return-modal"
    >
      <Typography.Paragraph>{t('ui.confirm.returnHint')}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        status={touched && empty ? 'error' : undefined}
        aria-label={t('ui.confirm.reason')}
        placeholder={t('ui.confirm.reason')}
        data-testid="return-reason"
      />
      {touched && empty && <Typography.Text type="danger">{t('ui.confirm.reasonRequired')}</Typography.Text>}
    </Modal>
  );
}

/** Each completion waiting for confirmation, with its product; the coordinator confirms or returns it. */
export function ConfirmationPanel({ task }: { task: TTaskDetail }) {
  const t = useT();
  const notify = useNotify();
  const confirm = useConfirmCompletion(task.id);
  const [returning, setReturning] = useState<TPendingCompletion | null>(null);
  if (task.awaitingConfirmation.length === 0) return null;
  const accept = (pending: TPendingCompletion) =>
    confirm.mutate(
      { version: task.version, occurrence: pending.occurrence ?? undefined },
      { onSuccess: () => notify.success(t('ui.confirm.confirmedDone')), onError: notify.error },
    );
  return (
    <>
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        data-testid="confirmation-panel"
        title={t('ui.confirm.waiting')}
        description={
          <List
            size="small"
            dataSource={task.awaitingConfirmation}
            renderItem={(pending) => (
              <List.Item data-testid="pending-completion" style={{ paddingInline: 0 }}>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <span>
                    {pending.occurrence ? t('ui.confirm.occurrence', { date: formatDate(pending.occurrence) }) : t('ui.confirm.wholeTask')} ·{' '}
                    {t('ui.confirm.reportedOn', { date: formatDate(pending.doneAt) })}
                  </span>
                  <span>
                    {t('ui.confirm.evidence')}: <Evidence task={task} pending={pending} />
                  </span>
                  {task.canConfirm && (
                    <Flex gap={8} wrap>
                      <Button type="primary" icon={<CheckOutlined />} loading={confirm.isPending} onClick={() => accept(pending)} data-testid="confirm-done">
                        {t('ui.confirm.confirm')}
                      </Button>
                      <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(pending)} data-testid="return-done">
                        {t('ui.confirm.return')}
                      </Button>
                    </Flex>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        }
      />
      {returning && <ReturnModal task={task} pending={returning} onClose={() => setReturning(null)} />}
    </>
  );
}
