import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Slider } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TaskDetail } from '../app/api-types';
import { useNotify } from '../app/feedback';
import { DATE_FORMAT, formatDate, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { useRecordProgress } from './queries';

interface Values {
  progress: number;
  note?: string;
  occurrence?: string;
  doneAt: Dayjs;
}

/** The first occurrence not yet done is the one people usually report on. */
function defaultOccurrence(task: TaskDetail): string | undefined {
  return (task.occurrences.find((o) => !o.doneAt) ?? task.occurrences[0])?.due;
}

export function ProgressForm({ task }: { task: TaskDetail }) {
  const t = useT();
  const notify = useNotify();
  const record = useRecordProgress(task.id);
  const [form] = Form.useForm<Values>();
  const recurring = task.occurrences.length > 1;

  const submit = (done: boolean) => {
    const values = form.getFieldsValue();
    record.mutate(
      {
        progress: done ? 100 : values.progress,
        note: values.note?.trim() || undefined,
        occurrence: recurring ? values.occurrence : undefined,
        ...(done ? { done: true, doneAt: toIsoDate(values.doneAt ?? dayjs()) } : {}),
      },
      {
        onSuccess: () => {
          notify.success(done ? t('ui.task.markedDone') : t('ui.task.progressSaved'));
          form.setFieldValue('note', '');
        },
        onError: notify.error,
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ progress: task.progress, doneAt: dayjs(), occurrence: defaultOccurrence(task) }}
      data-testid="progress-form"
    >
      {recurring && (
        <Form.Item name="occurrence" label={t('ui.task.occurrence')}>
          <Select
            data-testid="progress-occurrence"
            options={task.occurrences.map((o) => ({
              value: o.due,
              label: `${formatDate(o.due)} — ${t(`status.${o.status}`)}`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('ui.task.progressPercent')}>
        <Flex gap={12} align="center">
          <Form.Item name="progress" noStyle>
            <Slider min={0} max={100} step={5} style={{ flex: 1 }} aria-label={t('ui.task.progressPercent')} data-testid="progress-slider" />
          </Form.Item>
          <Form.Item name="progress" noStyle>
            <InputNumber min={0} max={100} suffix="%" style={{ width: 90 }} data-testid="progress-input" />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Form.Item name="note" label={t('ui.task.progressNote')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="progress-note" />
      </Form.Item>
      <Flex gap={8} wrap align="end">
        <Button type="primary" onClick={() => submit(false)} loading={record.isPending} data-testid="progress-save">
          {t('ui.task.saveProgress')}
        </Button>
        <Form.Item name="doneAt" label={t('ui.task.doneAt')} style={{ marginBottom: 0 }}>
          <DatePicker
            format={DATE_FORMAT}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="progress-done-date"
          />
        </Form.Item>
        <Button icon={<CheckCircleOutlined />} onClick={() => submit(true)} loading={record.isPending} data-testid="progress-done">
          {t('ui.task.markDone')}
        </Button>
      </Flex>
    </Form>
  );
}
