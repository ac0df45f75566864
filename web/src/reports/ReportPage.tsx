/** One report by its template: narratives, figures (checked by the server), computed figures read-only with their frozen value; the workflow buttons the server allows. */

import type { TReport as Report, TReportAction as ReportAction, TTemplateSection as TemplateSection } from '@contract';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useNotify } from '../app/feedback';
import { DATE_FORMAT, formatDate, formatPercent, formatPeriod, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { CityRequestsList } from '../city/CityRequests';
import { reportApi, useReport, useReportMutation } from './queries';
import { StatusTag } from './StatusTag';

const ACTIONS: { action: ReportAction; flag: keyof Report['can']; needsComment?: boolean }[] = [
  { action: 'submit', flag: 'submit' },
  { action: 'return', flag: 'return', needsComment: true },
  { action: 'accept', flag: 'accept' },
  { action: 'approve', flag: 'approve' },
  { action: 'send', flag: 'send' },
  { action: 'city_return', flag: 'cityReturn', needsComment: true },
];

const actionLabel = (action: ReportAction) => (action === 'city_return' ? 'ui.reports.action.cityReturn' : (`ui.reports.action.${action}` as const));

export function ReportPage() {
  return <ReportView id={Number(useParams().reportId)} />;
}

/** One report's form; also the inspected unit's self-report inside its inspection (web/src/inspections). */
export function ReportView({ id }: { id: number }) {
  const report = useReport(id);
  if (!report.data) return <Spin />;
  return <ReportForm report={report.data} />;
}

export function ReportForm({ report }: { report: Report }) {
  const t = useT();
  const notify = useNotify();
  const [values, setValues] = useState(report.values);
  const [narratives, setNarratives] = useState(report.narratives);
  const [asOf, setAsOf] = useState(report.asOf);
  const [asking, setAsking] = useState<ReportAction | null>(null);
  const [comment, setComment] = useState('');
  useEffect(() => {
    setValues(report.values);
    setNarratives(report.narratives);
    setAsOf(report.asOf);
  }, [report]);
  const save = useReportMutation(() => reportApi.save(report.id, { version: report.version, asOf, values, narratives }));
  const act = useReportMutation(({ action, note }: { action: ReportAction; note?: string }) => reportApi.act(report.id, action, note));
  const computed = new Map(report.computed.map((c) => [c.code, c]));
  const editable = report.can.edit;

  const run = (action: ReportAction, note?: string) =>
    act.mutateAsync({ action, note }).then(() => {
      setAsking(null);
      setComment('');
    }, notify.error);

  const section = (s: TemplateSection, depth: number) => (
    <Card key={s.code} size="small" title={s.title} style={{ marginBottom: 12, marginLeft: depth * 12 }}>
      {s.items.map((item) => {
        if (item.kind === 'narrative') {
          return (
            <Form.Item key={item.code} label={item.title} layout="vertical">
              <Input.TextArea
                autoSize={{ minRows: 2 }}
                disabled={!editable}
                value={narratives[item.code] ?? ''}
                onChange={(e) => setNarratives({ ...narratives, [item.code]: e.target.value })}
                data-testid={`narrative-${item.code}`}
              />
            </Form.Item>
          );
        }
        if (item.kind === 'computed') {
          const c = computed.get(item.code);
          return (
            <Form.Item key={item.code} label={item.title}>
              <Space>
                <Typography.Text strong data-testid={`computed-${item.key}`}>
                  {c ? (item.unit === 'percent' ? formatPercent(c.value) : c.value) : '…'}
                </Typography.Text>
                <Tag>{t('ui.reports.computed')}</Tag>
                {c?.frozen !== null && c?.frozen !== undefined && <Tag color="blue">{t('ui.reports.frozen', { value: c.frozen })}</Tag>}
                {c?.differs && <Tag color="orange">{t('ui.reports.liveDiffers', { live: c.live })}</Tag>}
              </Space>
            </Form.Item>
          );
        }
        return (
          <Form.Item key={item.code} label={item.title}>
            <InputNumber
              min={0}
              max={item.unit === 'percent' ? 100 : undefined}
              precision={item.unit === 'count' ? 0 : undefined}
              addonAfter={item.unit === 'percent' ? '%' : item.unit === 'money' ? 'đ' : undefined}
              disabled={!editable}
              value={values[item.code] ?? null}
              onChange={(v) => setValues({ ...values, [item.code]: typeof v === 'number' ? v : null })}
              data-testid={`figure-${item.code}`}
            />
          </Form.Item>
        );
      })}
      {s.sections.map((child) => section(child, depth + 1))}
    </Card>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>
        {report.level === 'commune' ? `${t('ui.reports.communeReport')} ${report.communeName}` : report.unitName} — {report.period.label}
      </Typography.Title>
      <Space wrap>
        <StatusTag status={report.status} />
        <span>{formatPeriod(report.period.windowStart, report.period.windowEnd)}</span>
        <span>
          {t(report.level === 'unit' ? 'ui.reports.unitDeadline' : 'ui.reports.communeDeadline')}: {formatDate(report.deadline)}
        </span>
        {report.daysLate !== null &&
          (report.daysLate > 0 ? <Tag color="red">{t('ui.reports.late', { days: report.daysLate })}</Tag> : <Tag color="green">{t('ui.reports.onTime')}</Tag>)}
        <span>
          {report.template.name} (v{report.template.version})
        </span>
      </Space>
      {report.returnComment && report.status === 'returned' && <Alert type="warning" showIcon message={t('ui.reports.returnComment')} description={report.returnComment} />}
      <Space>
        {t('ui.reports.asOf')}
        <DatePicker format={DATE_FORMAT} disabled={!editable} value={dayjs(asOf)} onChange={(d) => d && setAsOf(toIsoDate(d))} allowClear={false} />
      </Space>
      <Form labelCol={{ flex: '420px' }} labelWrap>
        {report.template.body.sections.map((s) => section(s, 0))}
      </Form>
      <Space wrap>
        {editable && (
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => save.mutateAsync(undefined).then(() => notify.success(t('ui.saved')), notify.error)}
            data-testid="report-save"
          >
            {t('ui.save')}
          </Button>
        )}
        {ACTIONS.filter((a) => report.can[a.flag]).map((a) => (
          <Button key={a.action} loading={act.isPending} onClick={() => (a.needsComment ? setAsking(a.action) : run(a.action))} data-testid={`report-${a.action}`}>
            {t(actionLabel(a.action))}
          </Button>
        ))}
        <Button href={`/api/reports/${report.id}/export.docx`} data-testid="report-docx">
          {t('ui.reports.exportDocx')}
        </Button>
        <Button href={`/api/reports/${report.id}/export.xlsx`}>{t('ui.reports.exportXlsx')}</Button>
      </Space>
      {report.level === 'commune' && <CityRequestsList communeId={report.communeId} periodId={report.period.id} empty={null} />}
      <Modal
        open={asking !== null}
        title={asking ? t(actionLabel(asking)) : ''}
        onCancel={() => setAsking(null)}
        onOk={() => asking && run(asking, comment)}
        okButtonProps={{ 'data-testid': 'return-ok' } as Record<string, string>}
      >
        <Typography.Text>{t('ui.reports.returnComment')}</Typography.Text>
        <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} autoSize={{ minRows: 3 }} data-testid="return-comment" />
      </Modal>
    </Space>
  );
}
