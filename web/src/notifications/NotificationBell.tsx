/**
 * The bell in the header: unread count, the latest notifications, a click opens the
 * task it is about (and marks it read), and the person's own e-mail switch.
 */
import { BellOutlined } from '@ant-design/icons';
import type { TMailPreferences, TNotification, TNotificationList } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, List, Modal, Popover, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../app/api';
import { useUser } from '../app/auth';
import { useNotify } from '../app/feedback';
import { useLang } from '../app/i18n';
import { CityRequestsList } from '../city/CityRequests';
import { useTaskDrawer } from '../tasks/useTaskDrawer';

const LIST_KEY = ['notifications'] as const;
const PREFS_KEY = ['notifications', 'preferences'] as const;

function useNotifications() {
  return useQuery({ queryKey: LIST_KEY, queryFn: () => api.get<TNotificationList>('/api/notifications?limit=30'), refetchInterval: 60_000 });
}

function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') => api.post<unknown>(id === 'all' ? '/api/notifications/read-all' : `/api/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LIST_KEY }),
  });
}

function MailSwitch() {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const prefs = useQuery({ queryKey: PREFS_KEY, queryFn: () => api.get<TMailPreferences>('/api/notifications/preferences') });
  const save = useMutation({
    mutationFn: (emailNotifications: boolean) => api.put<TMailPreferences>('/api/notifications/preferences', { emailNotifications }),
    onSuccess: (data) => queryClient.setQueryData(PREFS_KEY, data),
    onError: notify.error,
  });
  if (!prefs.data?.email) return <Typography.Text type="secondary">{t('ui.notifications.noEmail')}</Typography.Text>;
  return (
    <Flex align="center" gap={8}>
      <Switch size="small" checked={prefs.data.emailNotifications} loading={save.isPending} onChange={(on) => save.mutate(on)} data-testid="mail-switch" />
      <Typography.Text>{t('ui.notifications.byEmail', { email: prefs.data.email })}</Typography.Text>
    </Flex>
  );
}

function NotificationItem({ item, onOpen }: { item: TNotification; onOpen: (item: TNotification) => void }) {
  const { lang } = useLang();
  const when = new Date(item.createdAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <List.Item
      className={item.readAt ? 'notification-item' : 'notification-item notification-unread'}
      onClick={() => onOpen(item)}
      data-testid="notification-item"
      style={{ cursor: 'pointer', paddingInline: 8 }}
    >
      <List.Item.Meta
        title={<Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>}
        description={
          <>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, whiteSpace: 'pre-line' }}>
              {item.body}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{when}</Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

export function NotificationBell() {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const [requestsOpen, setRequestsOpen] = useState(false);
  const user = useUser();
  const list = useNotifications();
  const markRead = useMarkRead();
  const { open: openTask } = useTaskDrawer();
  const navigate = useNavigate();
  const onOpen = (item: TNotification) => {
    if (!item.readAt) markRead.mutate(item.id);
    if (item.taskId !== null) {
      openTask(item.taskId);
      setOpen(false);
    } else if (item.rule === 'city_request') {
      // A request about the commune's work as a whole: its open requests, to answer here.
      setRequestsOpen(true);
      setOpen(false);
    } else if (item.periodId !== null) {
      // A report deadline: the reports screen lists the period and its reports.
      navigate('/reports');
      setOpen(false);
    }
  };
  const items = list.data?.items ?? [];
  const content = (
    <div style={{ width: 'min(380px, 90vw)' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('ui.notifications.title')}</Typography.Text>
        <Button size="small" type="link" disabled={!list.data?.unread} onClick={() => markRead.mutate('all')}>
          {t('ui.notifications.readAll')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.notifications.empty')} />
      ) : (
        <List size="small" dataSource={items} renderItem={(item) => <NotificationItem item={item} onOpen={onOpen} />} style={{ maxHeight: 420, overflowY: 'auto' }} />
      )}
      <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 8, paddingTop: 8 }}>
        <MailSwitch />
      </div>
    </div>
  );
  return (
    <>
      <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
        <Badge count={list.data?.unread ?? 0} size="small" overflowCount={99}>
          <Button type="text" icon={<BellOutlined />} aria-label={t('ui.notifications.title')} data-testid="notification-bell" />
        </Badge>
      </Popover>
      {user.communeId !== null && (
        <Modal open={requestsOpen} title={t('ui.cityRequest.section')} footer={null} onCancel={() => setRequestsOpen(false)} destroyOnHidden>
          <CityRequestsList communeId={user.communeId} openOnly empty={<Empty />} />
        </Modal>
      )}
    </>
  );
}
