import { PlusOutlined } from '@ant-design/icons';
import type { TCalendarOverrideKind } from '@contract';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNotify } from '../app/feedback';
import { DATE_FORMAT, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { useAddOverride } from './queries';

interface Values {
  date: Dayjs;
  kind: TCalendarOverrideKind;
  note?: string;
}

export function OverrideForm({ year }: { year: number }) {
  const t = useT();
  const notify = useNotify();
  const add = useAddOverride();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    add.mutate(
      { date: toIsoDate(v.date), kind: v.kind, note: v.note?.trim() ?? '' },
      {
        onSuccess: () => {
          form.resetFields(['date', 'note']);
          notify.success(t('ui.saved'));
        },
        onError: notify.error,
      },
    );
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'day_off' }} onFinish={submit} data-testid="override-form">
      <Flex gap={8} wrap align="end">
        <Form.Item name="date" label={t('ui.calendar.date')} rules={[{ required: true, message: t('ui.required') }]}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.year() !== year} data-testid="override-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('ui.calendar.kind')}>
          <Select
            style={{ width: 200 }}
            options={[
              { value: 'day_off', label: t('ui.calendar.kind.day_off') },
              { value: 'working_day', label: t('ui.calendar.kind.working_day') },
            ]}
            data-testid="override-kind"
          />
        </Form.Item>
        <Form.Item name="note" label={t('ui.calendar.note')} style={{ flex: '1 1 220px' }}>
          <Input placeholder={t('ui.calendar.notePlaceholder')} data-testid="override-note" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="override-add">
            {t('ui.calendar.add')}
          </Button>
        </Form.Item>
      </Flex>
    </Form>
  );
}
