/**
 * Requests from the city to a commune (đôn đốc): the reviewer's "Đôn đốc" button (overview row,
 * task drawer) and the requests on a task with the coordinator's or leader's answer box.
 */
import type { TCityRequest, TCityRequestList, TSessionUser } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Input, List, Modal, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api, withQuery } from '../app/api';
import { useUser } from '../app/auth';
import { useNotify } from '../app/feedback';
import { useT } from '../app/i18n';

/** Mirrors the server's rule: the city's reviewers and administrators send requests. */
export const canSendRequest = (user: TSessionUser) => user.communeId === null && (user.role === 'city_reviewer' || user.role === 'admin');

/** About one task, one report period, or (neither) the commune's work as a whole. */
type Subject = { taskId?: number; periodId?: number };

const requestsKey = (communeId: number, subject: Subject, openOnly?: boolean) => [
  'city-requests',
  communeId,
  subject.taskId ? `task-${subject.taskId}` : subject.periodId ? `period-${subject.periodId}` : 'all',
  openOnly ? 'open' : 'any',
];

const buttonTestId = (communeId: number, { taskId, periodId }: Subject) =>
  taskId !== undefined ? 'task-request' : periodId !== undefined ? `period-request-${communeId}` : `request-${communeId}`;

export function CityRequestButton({ communeId, taskId, periodId, label }: { communeId: number; label?: string } & Subject) {
  const t = useT();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const send = useMutation({
    mutationFn: () => api.post<TCityRequest>('/api/city/requests', { communeId, taskId, periodId, message: message.trim() }),
    onSuccess: () => {
      setOpen(false);
      setMessage('');
      notify.success(t('ui.cityRequest.sent'));
      return queryClient.invalidateQueries({ queryKey: ['city-requests', communeId] });
    },
    onError: notify.error,
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={buttonTestId(communeId, { taskId, periodId })}>
        {t('ui.cityRequest.button')}
      </Button>
      <Modal
        open={open}
        title={label ? t('ui.cityRequest.titleAbout', { subject: label }) : t('ui.cityRequest.title')}
        okText={t('ui.cityRequest.send')}
        okButtonProps={{ disabled: !message.trim(), loading: send.isPending, 'data-testid': 'city-request-send' }}
        onOk={() => send.mutate()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={4}
          value={message}
          maxLength={2000}
          onChange={(e) => setMessage(e.target.value)}
          placeholder={t('ui.cityRequest.placeholder')}
          aria-label={t('ui.cityRequest.title')}
          data-testid="city-request-message"
        />
      </Modal>
    </>
  );
}

function AnswerBox({ request }: { request: TCityRequest }) {
  const t = useT();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const save = useMutation({
    mutationFn: () => api.post<TCityRequest>(`/api/communes/${request.communeId}/city-requests/${request.id}/answer`, { answer: answer.trim() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['city-requests', request.communeId] }),
    onError: notify.error,
  });
  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      <Input.TextArea
        rows={2}
        value={answer}
        maxLength={2000}
        onChange={(e) => setAnswer(e.target.value)}
        aria-label={t('ui.cityRequest.answer')}
        data-testid="city-request-answer"
      />
      <div>
        <Button onClick={() => save.mutate()} disabled={!answer.trim()} loading={save.isPending} data-testid="city-request-answer-send">
          {t('ui.cityRequest.answer')}
        </Button>
      </div>
    </Flex>
  );
}

/** The city's requests to a commune (about one task, one report period, or the open ones), newest first; `empty` when there are none. */
export function CityRequestsList({ communeId, taskId, periodId, openOnly, empty = null }: { communeId: number; openOnly?: boolean; empty?: ReactNode } & Subject) {
  const t = useT();
  const requests = useQuery({
    queryKey: requestsKey(communeId, { taskId, periodId }, openOnly),
    queryFn: () => api.get<TCityRequestList>(withQuery(`/api/communes/${communeId}/city-requests`, { taskId, periodId, open: openOnly ? 'true' : undefined })),
  });
  const items = requests.data?.items ?? [];
  if (items.length === 0) return <>{empty}</>;
  return (
    <List
      size="small"
      dataSource={items}
      data-testid="city-requests"
      renderItem={(r) => (
        <List.Item data-testid="city-request">
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex gap={8} align="center" wrap>
              <Tag color={r.status === 'open' ? 'orange' : 'green'}>{t(r.status === 'open' ? 'ui.cityRequest.open' : 'ui.cityRequest.answered')}</Tag>
              <Typography.Text type="secondary">
                {r.sentBy.fullName} · {new Date(r.sentAt).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' })}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-line' }}>{r.message}</Typography.Paragraph>
            {r.answer !== null && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0, whiteSpace: 'pre-line' }} data-testid="city-request-answer-text">
                {t('ui.cityRequest.answerBy', { name: r.answeredBy?.fullName ?? '' })}: {r.answer}
              </Typography.Paragraph>
            )}
            {r.canAnswer && <AnswerBox request={r} />}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The drawer's section: the requests, and the reviewer's button. */
export function TaskCityRequests({ communeId, taskId, label }: { communeId: number; taskId: number; label: string }) {
  const user = useUser();
  return (
    <Flex vertical gap={8}>
      {canSendRequest(user) && (
        <div>
          <CityRequestButton communeId={communeId} taskId={taskId} label={label} />
        </div>
      )}
      <CityRequestsList communeId={communeId} taskId={taskId} />
    </Flex>
  );
}
