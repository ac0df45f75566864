import { CheckCircleOutlined } from '@ant-design/icons';
import type { TTaskDetail } from '@contract';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Slider, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNotify } from '../app/feedback';
import { DATE_FORMAT, formatDate, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { useRecordProgress } from './queries';

interface Values {
  progress: number;
  note?: string;
  occurrence?: string;
  doneAt: Dayjs;
  doneAtReason?: string;
  evidenceFileId?: number;
  evidenceLink?: string;
}

/** The first occurrence not yet done is the one people usually report on. */
function defaultOccurrence(task: TTaskDetail): string | undefined {
  const occurrences = task.checkpoints;
  return (occurrences.find((o) => !o.doneAt) ?? occurrences[0])?.due;
}

export function ProgressForm({ task }: { task: TTaskDetail }) {
  const t = useT();
  const notify = useNotify();
  const record = useRecordProgress(task.id);
  const [form] = Form.useForm<Values>();
  const occurrences = task.checkpoints;
  const recurring = occurrences.length > 1;
  const chosenDate = Form.useWatch('doneAt', form);
  // The server dates a completion the day it is reported; only coordinators and leaders may pick an earlier day, with a reason.
  const backdating = task.canBackdate === true && chosenDate !== undefined && chosenDate.isBefore(dayjs(), 'day');

  // The task names a product: a completion must carry it, as a file of the task or a link.
  const productRequired = task.product.trim() !== '';

  const submit = async (done: boolean) => {
    if (done) {
      try {
        await form.validateFields([...(backdating ? (['doneAtReason'] as const) : []), 'evidenceFileId', 'evidenceLink']);
      } catch {
        return;
      }
    }
    const values = form.getFieldsValue();
    const backdated = backdating ? { doneAt: toIsoDate(values.doneAt), doneAtReason: values.doneAtReason?.trim() } : {};
    const link = values.evidenceLink?.trim();
    const completion = { ...backdated, ...(values.evidenceFileId ? { evidenceFileId: values.evidenceFileId } : {}), ...(link ? { evidenceLink: link } : {}) };
    record.mutate(
      {
        progress: done ? 100 : values.progress,
        version: task.version,
        note: values.note?.trim() || undefined,
        occurrence: recurring ? values.occurrence : undefined,
        ...(done ? { done: true, ...completion } : {}),
      },
      {
        onSuccess: () => {
          notify.success(done ? t('ui.task.markedDone') : t('ui.task.progressSaved'));
          form.setFieldsValue({ note: '', doneAtReason: '', evidenceFileId: undefined, evidenceLink: '' });
        },
        onError: notify.error,
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ progress: task.progress, doneAt: dayjs(), occurrence: defaultOccurrence(task) }} data-testid="progress-form">
      {recurring && (
        <Form.Item name="occurrence" label={t('ui.task.occurrence')}>
          <Select
            data-testid="progress-occurrence"
            options={occurrences.map((o) => ({
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
      <Button type="primary" onClick={() => void submit(false)} loading={record.isPending} data-testid="progress-save">
        {t('ui.task.saveProgress')}
      </Button>
      <div className="done-box">
        <Typography.Text strong>{t('ui.task.finish')}</Typography.Text>
        <Form.Item
          name="evidenceFileId"
          label={productRequired ? t('ui.confirm.evidenceRequired', { product: task.product.trim() }) : t('ui.confirm.evidence')}
          style={{ marginTop: 8, marginBottom: 8 }}
          dependencies={['evidenceLink']}
          rules={[
            {
              validator: (_, value) =>
                !productRequired || value || form.getFieldValue('evidenceLink')?.trim() ? Promise.resolve() : Promise.reject(new Error(t('ui.confirm.evidenceMissing'))),
            },
          ]}
        >
          <Select
            allowClear
            placeholder={task.files.length === 0 ? t('ui.confirm.uploadFirst') : t('ui.confirm.pickFile')}
            options={task.files.map((f) => ({ value: f.id, label: f.name }))}
            data-testid="progress-evidence-file"
          />
        </Form.Item>
        <Form.Item name="evidenceLink" style={{ marginBottom: 8 }} rules={[{ pattern: /^https?:\/\/\S+$/i, message: t('ui.confirm.linkFormat') }]}>
          <Input placeholder={t('ui.confirm.linkPlaceholder')} maxLength={2000} data-testid="progress-evidence-link" />
        </Form.Item>
        <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
          {task.canBackdate ? (
            <>
              <span>{t('ui.task.doneAt')}:</span>
              <Form.Item name="doneAt" noStyle>
                <DatePicker
                  format={DATE_FORMAT}
                  allowClear={false}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  aria-label={t('ui.task.doneAt')}
                  data-testid="progress-done-date"
                />
              </Form.Item>
            </>
          ) : (
            <Typography.Text type="secondary" data-testid="progress-done-today">
              {t('ui.task.doneToday')}
            </Typography.Text>
          )}
          <Button
            icon={<CheckCircleOutlined />}
            onClick={() => void submit(true)}
            loading={record.isPending}
            style={{ borderColor: '#389e0d', color: '#389e0d' }}
            data-testid="progress-done"
          >
            {t('ui.task.markDone')}
          </Button>
        </Flex>
        {backdating && (
          <Form.Item
            name="doneAtReason"
            label={t('ui.task.doneAtReason')}
            style={{ marginTop: 8, marginBottom: 0 }}
            rules={[{ required: true, whitespace: true, message: t('ui.task.doneAtReasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="progress-done-reason" />
          </Form.Item>
        )}
      </div>
    </Form>
  );
}
