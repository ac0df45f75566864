/** A plan's key targets: actual against threshold, met / not met / no data, monthly trend, hand-entered figures. */
import { EditOutlined } from '@ant-design/icons';
import type { TScorecardTarget } from '@contract';
import { ZIndicatorKey } from '@contract';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MessageKey } from '../../../src/i18n';
import { useErrorText, useNotify } from '../app/feedback';
import { formatDate } from '../app/format';
import { useT } from '../app/i18n';
import { useEnterFigure, useLinkTarget, useScorecard } from './queries';
import { Trend } from './Trend';

const STATUS_COLOR = { met: 'success', not_met: 'error', no_data: 'default' } as const;
const MANUAL = '__manual';

function FigureModal({ planId, target, onClose }: { planId: number; target: TScorecardTarget; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const enter = useEnterFigure(planId);
  const [form] = Form.useForm<{ month: Dayjs; value: number }>();
  const submit = async () => {
    const { month, value } = await form.validateFields();
    enter.mutate(
      { targetId: target.id, month: month.format('YYYY-MM'), value },
      {
        onSuccess: () => {
          notify.success(t('ui.scorecard.saved'));
          onClose();
        },
        onError: notify.error,
      },
    );
  };
  return (
    <Modal open title={target.text} onOk={submit} onCancel={onClose} confirmLoading={enter.isPending} okButtonProps={{ 'data-testid': 'figure-ok' } as Record<string, string>}>
      <Form form={form} layout="vertical">
        <Form.Item name="month" label={t('ui.scorecard.month')} rules={[{ required: true }]}>
          <DatePicker picker="month" format="MM/YYYY" data-testid="figure-month" />
        </Form.Item>
        <Form.Item name="value" label={t('ui.scorecard.value')} rules={[{ required: true }]}>
          <InputNumber style={{ width: 200 }} data-testid="figure-value" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ScorecardCard({ planId, canManage }: { planId: number; canManage: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const notify = useNotify();
  const scorecard = useScorecard(planId);
  const link = useLinkTarget(planId);
  const [entering, setEntering] = useState<TScorecardTarget | null>(null);
  const measureOptions = [{ value: MANUAL, label: t('ui.scorecard.manual') }, ...ZIndicatorKey.options.map((k) => ({ value: k, label: t(`ui.indicator.${k}` as MessageKey) }))];
  const data = scorecard.data;
  return (
    <Card
      title={t('ui.scorecard.title')}
      size="small"
      extra={data && <Typography.Text type="secondary">{t('ui.scorecard.asOf', { date: formatDate(data.asOf) })}</Typography.Text>}
      data-testid="scorecard"
    >
      {scorecard.isError && <Alert type="error" showIcon title={errorText(scorecard.error)} />}
      <Table<TScorecardTarget>
        size="small"
        rowKey="id"
        loading={scorecard.isPending}
        dataSource={data?.targets ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ui.scorecard.empty') }}
        onRow={(target) => ({ 'data-testid': `target-${target.id}` }) as object}
        columns={[
          { title: t('ui.scorecard.target'), dataIndex: 'text', width: 360 },
          {
            title: t('ui.scorecard.threshold'),
            key: 'threshold',
            render: (_, x) => (x.value === null ? '—' : `${x.comparator ?? ''} ${x.value.toLocaleString('vi-VN')}${x.unit ? ` ${x.unit}` : ''}`),
          },
          {
            title: t('ui.scorecard.actual'),
            key: 'actual',
            align: 'right',
            render: (_, x) => <span data-testid="target-actual">{x.actual === null ? '—' : x.actual.toLocaleString('vi-VN')}</span>,
          },
          {
            title: t('ui.scorecard.status'),
            key: 'status',
            render: (_, x) => (
              <Tag color={STATUS_COLOR[x.status]} data-testid="target-status">
                {t(`ui.scorecard.${x.status}` as MessageKey)}
              </Tag>
            ),
          },
          { title: t('ui.scorecard.trend'), key: 'trend', render: (_, x) => <Trend points={x.trend} threshold={x.value} /> },
          {
            title: t('ui.scorecard.measure'),
            key: 'measure',
            render: (_, x) =>
              canManage ? (
                <Select
                  size="small"
                  style={{ width: 220 }}
                  value={x.source === 'indicator' ? (x.indicatorKey ?? MANUAL) : MANUAL}
                  options={measureOptions}
                  loading={link.isPending}
                  onChange={(value: string) => link.mutate({ targetId: x.id, indicatorKey: value === MANUAL ? null : value }, { onError: notify.error })}
                  data-testid="target-measure"
                />
              ) : x.source === 'indicator' && x.indicatorKey ? (
                t(`ui.indicator.${x.indicatorKey}` as MessageKey)
              ) : (
                t('ui.scorecard.manual')
              ),
          },
          {
            key: 'enter',
            render: (_, x) =>
              canManage &&
              x.source === 'manual' && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEntering(x)} data-testid="target-enter">
                  {t('ui.scorecard.enter')}
                </Button>
              ),
          },
        ]}
      />
      {entering && <FigureModal planId={planId} target={entering} onClose={() => setEntering(null)} />}
    </Card>
  );
}
