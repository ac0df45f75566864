/**
 * The commune's reminder rules: when deadline reminders, overdue notices, weekly mails and report
 * reminders go out. Managers edit them; everyone else reads them (the server's `canEdit`).
 */
import type { TReminderSettings, TReminderSettingsInput } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, InputNumber, Select, Skeleton, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../app/api';
import { useCurrentCommune } from '../app/commune';
import { useErrorText, useNotify } from '../app/feedback';
import { useT } from '../app/i18n';

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const settingsKey = (communeId: number) => ['reminder-settings', communeId] as const;

function useReminderSettings(communeId: number) {
  return useQuery({ queryKey: settingsKey(communeId), queryFn: () => api.get<TReminderSettings>(`/api/communes/${communeId}/reminder-settings`) });
}

function useSaveReminderSettings(communeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TReminderSettingsInput) => api.put<TReminderSettings>(`/api/communes/${communeId}/reminder-settings`, input),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey(communeId), saved),
  });
}

/** Controls take the form's `disabled` (read-only for those who may not edit). */
function SwitchItem({ name, label }: { name: keyof TReminderSettingsInput; label: string }) {
  return (
    <Form.Item name={name} label={label} valuePropName="checked">
      <Switch data-testid={`reminder-${name}`} />
    </Form.Item>
  );
}

function ReminderSettingsForm({ communeId }: { communeId: number }) {
  const t = useT();
  const notify = useNotify();
  const errorText = useErrorText();
  const settings = useReminderSettings(communeId);
  const save = useSaveReminderSettings(communeId);
  const [form] = Form.useForm<TReminderSettingsInput>();
  // Another commune chosen in the header, or the saved answer: the form shows what the server holds.
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  if (settings.isError) return <Alert type="error" showIcon title={errorText(settings.error)} />;
  if (!settings.data) return <Skeleton active />;
  const readOnly = !settings.data.canEdit;
  const submit = (input: TReminderSettingsInput) => save.mutate(input, { onSuccess: () => notify.success(t('ui.reminderSettings.saved')), onError: notify.error });
  const days = (name: 'beforeDueWorkingDays' | 'reportBeforeDueWorkingDays', label: string, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: t('ui.required') }]}>
      <InputNumber min={0} max={30} precision={0} style={{ width: 120 }} data-testid={`reminder-${name}`} />
    </Form.Item>
  );
  return (
    <Form<TReminderSettingsInput> form={form} layout="vertical" initialValues={settings.data} onFinish={submit} disabled={readOnly} data-testid="reminder-settings-form">
      {readOnly && <Alert type="info" showIcon title={t('ui.reminderSettings.readOnly')} style={{ marginBottom: 16 }} data-testid="reminder-read-only" />}
      <Card title={t('ui.reminderSettings.tasks')} size="small" style={{ marginBottom: 16 }}>
        {days('beforeDueWorkingDays', t('ui.reminderSettings.beforeDueWorkingDays'), t('ui.reminderSettings.beforeDueWorkingDaysHint'))}
        <SwitchItem name="onOverdue" label={t('ui.reminderSettings.onOverdue')} />
        <SwitchItem name="doneNotice" label={t('ui.reminderSettings.doneNotice')} />
        <SwitchItem name="weeklyDigest" label={t('ui.reminderSettings.weeklyDigest')} />
        <SwitchItem name="weeklySummary" label={t('ui.reminderSettings.weeklySummary')} />
        <Form.Item name="weeklyDay" label={t('ui.reminderSettings.weeklyDay')} rules={[{ required: true, message: t('ui.required') }]}>
          <Select<number>
            options={WEEKDAYS.map((day) => ({ value: day, label: t(`ui.reminderSettings.weekday.${day}`) }))}
            style={{ width: 160 }}
            aria-label={t('ui.reminderSettings.weeklyDay')}
            data-testid="reminder-weeklyDay"
          />
        </Form.Item>
      </Card>
      <Card title={t('ui.reminderSettings.reports')} size="small" style={{ marginBottom: 16 }}>
        {days('reportBeforeDueWorkingDays', t('ui.reminderSettings.reportBeforeDueWorkingDays'))}
        <SwitchItem name="reportOnLate" label={t('ui.reminderSettings.reportOnLate')} />
      </Card>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="reminder-save">
          {t('ui.save')}
        </Button>
      )}
    </Form>
  );
}

export function ReminderSettingsPage() {
  const t = useT();
  const commune = useCurrentCommune();
  return (
    <div style={{ maxWidth: 760 }}>
      <Typography.Title level={3} className="page-title">
        {t('ui.nav.reminderSettings')}
        {commune ? ` — ${commune.name}` : ''}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ui.reminderSettings.intro')}</Typography.Paragraph>
      {commune === null ? (
        <Alert type="info" showIcon title={t('ui.reminderSettings.noCommune')} />
      ) : (
        <>
          {/* The one "sắp đến hạn" threshold: shown here, changed by an administrator on the communes screen. */}
          <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }} data-testid="reminder-due-soon">
            <Descriptions.Item label={t('ui.reminderSettings.dueSoon')}>
              {t('ui.reminderSettings.dueSoonValue', { days: commune.dueSoonDays })}
              <Typography.Text type="secondary"> — {t('ui.reminderSettings.dueSoonHint')}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <ReminderSettingsForm key={commune.id} communeId={commune.id} />
        </>
      )}
    </div>
  );
}
