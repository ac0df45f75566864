/**
 * One inspection as each party sees it: the unit its notice, its self-report (the reports capability's
 * form on the outline template) and its findings; the team the checklist, the conclusion and the
 * documents (minutes, conclusion notice, signed copies); the buttons are the server's `can` flags.
 */
import { FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import type { TConcludeInput, TInspection, TReInspectionInput, TReport, TSignedDocumentKind } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Input, Modal, Space, Spin, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../app/api';
import { useUser } from '../app/auth';
import { useErrorText, useNotify } from '../app/feedback';
import { DATE_FORMAT, formatDate, formatDateTime, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { ReportForm, ReportView } from '../reports/ReportPage';
import { inspectionApi, inspectionPaths, useInspection, useInspectionMutation } from './api';
import { FindingsTable } from './Findings';
import { DateWarnings, InspectionStatusTag } from './parts';

export function InspectionPage() {
  const id = Number(useParams().inspectionId);
  const inspection = useInspection(id);
  const errorText = useErrorText();
  if (inspection.isError) return <Alert type="error" message={errorText(inspection.error)} />;
  if (!inspection.data) return <Spin />;
  return <InspectionView inspection={inspection.data} />;
}

function ConcludeModal({ inspection, onClose }: { inspection: TInspection; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [text, setText] = useState(inspection.conclusion ?? '');
  const [deadline, setDeadline] = useState<dayjs.Dayjs | null>(dayjs().add(30, 'day'));
  const conclude = useInspectionMutation((body: TConcludeInput) => inspectionApi.conclude(inspection.id, body));
  const open = inspection.checklist.filter((i) => i.result === 'chua_dat' && i.request);
  return (
    <Modal
      open
      title={t('ui.insp.conclude.title')}
      onCancel={onClose}
      confirmLoading={conclude.isPending}
      okButtonProps={{ 'data-testid': 'conclude-ok' } as Record<string, string>}
      onOk={() => {
        if (!deadline) return notify.warn(t('ui.insp.conclude.deadlineRequired'));
        conclude.mutateAsync({ version: inspection.version, conclusion: text, findingDeadline: toIsoDate(deadline) }).then(onClose, notify.error);
      }}
    >
      <Typography.Paragraph>{t('ui.insp.conclude.findings', { count: open.length })}</Typography.Paragraph>
      <Input.TextArea autoSize={{ minRows: 4 }} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('ui.insp.conclude.text')} data-testid="conclude-text" />
      <Space style={{ marginTop: 8 }}>
        {t('ui.insp.conclude.deadline')}
        <DatePicker format={DATE_FORMAT} value={deadline} onChange={setDeadline} data-testid="conclude-deadline" />
      </Space>
    </Modal>
  );
}

function ReInspectModal({ inspection, onClose }: { inspection: TInspection; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const [visit, setVisit] = useState<dayjs.Dayjs | null>(null);
  const plan = useInspectionMutation((body: TReInspectionInput) => inspectionApi.reInspect(inspection.id, body));
  const openFindings = inspection.findings.filter((f) => f.status !== 'accepted');
  return (
    <Modal
      open
      title={t('ui.insp.reInspect.title')}
      onCancel={onClose}
      confirmLoading={plan.isPending}
      onOk={() => {
        if (!visit) return notify.warn(t('ui.insp.schedule.missing'));
        plan.mutateAsync({ visitDate: toIsoDate(visit), findingIds: openFindings.map((f) => f.id) }).then((created) => {
          onClose();
          navigate(`/inspections/${created.id}`);
        }, notify.error);
      }}
    >
      <Typography.Paragraph>{t('ui.insp.reInspect.text', { count: openFindings.length })}</Typography.Paragraph>
      <DatePicker format={DATE_FORMAT} value={visit} onChange={setVisit} placeholder={t('ui.insp.col.visit')} />
    </Modal>
  );
}

function Documents({ inspection }: { inspection: TInspection }) {
  const t = useT();
  const notify = useNotify();
  const upload = useInspectionMutation(({ kind, file }: { kind: TSignedDocumentKind; file: File }) => inspectionApi.uploadSigned(inspection.id, kind, file));
  const concluded = inspection.status === 'concluded' || inspection.status === 'closed';
  const signed: Record<TSignedDocumentKind, number | null> = { minutes: inspection.minutesFileId, conclusion: inspection.conclusionFileId };
  const draft: Record<TSignedDocumentKind, string> = { minutes: inspectionPaths.minutesDocx(inspection.id), conclusion: inspectionPaths.conclusionDocx(inspection.id) };
  return (
    <Card size="small" title={t('ui.insp.docs.title')}>
      {!concluded && <Typography.Text type="secondary">{t('ui.insp.docs.afterConclusion')}</Typography.Text>}
      {concluded &&
        (['minutes', 'conclusion'] as const).map((kind) => (
          <Flex key={kind} gap={8} wrap align="center" style={{ marginBottom: 8 }}>
            <Button icon={<FileWordOutlined />} href={draft[kind]} data-testid={`doc-${kind}`}>
              {t(`ui.insp.docs.${kind}`)}
            </Button>
            {signed[kind] !== null && (
              <a href={inspectionPaths.file(signed[kind])} data-testid={`signed-${kind}`}>
                {t('ui.insp.docs.signed')}
              </a>
            )}
            {inspection.can.canUploadSigned && (
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  upload.mutateAsync({ kind, file }).then(() => notify.success(t('ui.saved')), notify.error);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} data-testid={`upload-${kind}`}>
                  {t('ui.insp.docs.uploadSigned')}
                </Button>
              </Upload>
            )}
          </Flex>
        ))}
    </Card>
  );
}

function Actions({ inspection }: { inspection: TInspection }) {
  const t = useT();
  const notify = useNotify();
  const [dialog, setDialog] = useState<'conclude' | 'reinspect' | null>(null);
  const notice = useInspectionMutation(() => inspectionApi.notify(inspection.id, inspection.version));
  const visited = useInspectionMutation(() => inspectionApi.markVisited(inspection.id, inspection.version));
  const close = useInspectionMutation(() => inspectionApi.close(inspection.id, inspection.version));
  const run = (m: { mutateAsync: (v: undefined) => Promise<unknown> }) => m.mutateAsync(undefined).then(() => notify.success(t('ui.saved')), notify.error);
  const can = inspection.can;
  return (
    <Space wrap>
      {can.canNotify && (
        <Button type="primary" onClick={() => run(notice)} loading={notice.isPending} data-testid="inspection-notify">
          {t('ui.insp.action.notify')}
        </Button>
      )}
      {inspection.checklist.length > 0 && (
        <Link to={`/inspections/${inspection.id}/checklist`}>
          <Button type={can.canEditChecklist ? 'primary' : 'default'} data-testid="open-checklist">
            {t(can.canEditChecklist ? 'ui.insp.action.checklist' : 'ui.insp.action.checklistRead')}
          </Button>
        </Link>
      )}
      {can.canMarkVisited && (
        <Button onClick={() => run(visited)} loading={visited.isPending} data-testid="inspection-visited">
          {t('ui.insp.action.visited')}
        </Button>
      )}
      {can.canConclude && (
        <Button type="primary" onClick={() => setDialog('conclude')} data-testid="inspection-conclude">
          {t('ui.insp.action.conclude')}
        </Button>
      )}
      {can.canClose && (
        <Button onClick={() => run(close)} loading={close.isPending} data-testid="inspection-close">
          {t('ui.insp.action.close')}
        </Button>
      )}
      {can.canReInspect && inspection.findings.some((f) => f.status !== 'accepted') && (
        <Button onClick={() => setDialog('reinspect')} data-testid="inspection-reinspect">
          {t('ui.insp.action.reInspect')}
        </Button>
      )}
      {dialog === 'conclude' && <ConcludeModal inspection={inspection} onClose={() => setDialog(null)} />}
      {dialog === 'reinspect' && <ReInspectModal inspection={inspection} onClose={() => setDialog(null)} />}
    </Space>
  );
}

/** The team reads the unit's self-report through the inspection (the report itself belongs to the unit). */
function TeamSelfReport({ inspectionId }: { inspectionId: number }) {
  const report = useQuery({ queryKey: ['inspections', 'self-report', inspectionId], queryFn: () => api.get<TReport>(`/api/inspections/${inspectionId}/self-report`) });
  return report.data ? <ReportForm report={report.data} /> : <Spin />;
}

function InspectionView({ inspection }: { inspection: TInspection }) {
  const t = useT();
  const user = useUser();
  const summary = {
    dat: inspection.checklist.filter((i) => i.result === 'dat').length,
    chua_dat: inspection.checklist.filter((i) => i.result === 'chua_dat').length,
    khong_ap_dung: inspection.checklist.filter((i) => i.result === 'khong_ap_dung').length,
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} className="page-title" data-testid="inspection-title">
        {t('ui.insp.title', { unit: inspection.unit.name })}
      </Typography.Title>
      <Space wrap>
        <InspectionStatusTag status={inspection.status} />
        {inspection.surprise && <Tag color="magenta">{t('ui.insp.form.surprise')}</Tag>}
        {inspection.kind === 're_inspection' && <Tag>{t('ui.insp.reInspection')}</Tag>}
        <Link to={`/inspections/plans/${inspection.plan.id}`}>{inspection.plan.title}</Link>
      </Space>
      <Actions inspection={inspection} />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('ui.insp.col.visit')}>
            <span data-testid="inspection-visit">{formatDate(inspection.visitDate)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.insp.plan.window')}>{`${formatDate(inspection.windowFrom)} – ${formatDate(inspection.windowTo)}`}</Descriptions.Item>
          {!inspection.surprise && (
            <>
              <Descriptions.Item label={t('ui.insp.col.notice')}>
                {inspection.noticeSentAt ? (
                  <span data-testid="inspection-notice">{t('ui.insp.notice.sent', { at: formatDateTime(inspection.noticeSentAt) })}</span>
                ) : (
                  t('ui.insp.notice.by', { date: formatDate(inspection.rules.noticeBy) })
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.insp.col.selfReportDue')}>
                <span data-testid="inspection-self-report-due">{formatDate(inspection.selfReportDue ?? inspection.rules.selfReportBy)}</span>
              </Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t('ui.insp.plan.scope')} span={2}>
            {inspection.plan.areas.map((a) => `${a}. ${t(`area.${a}`)}`).join('; ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.insp.team.title')} span={2}>
            {inspection.team.map((m) => `${m.fullName}${m.role === 'leader' ? ` (${t('ui.insp.team.leader')})` : ''}${m.unitName ? ` — ${m.unitName}` : ''}`).join('; ')}
          </Descriptions.Item>
        </Descriptions>
        <DateWarnings warnings={inspection.warnings} />
      </Card>
      {inspection.checklist.length > 0 && (
        <Card size="small" title={t('ui.insp.checklist.summary')}>
          <Space wrap data-testid="checklist-summary">
            <Tag color="green">{`${t('ui.insp.result.dat')}: ${summary.dat}`}</Tag>
            <Tag color="red">{`${t('ui.insp.result.chua_dat')}: ${summary.chua_dat}`}</Tag>
            <Tag>{`${t('ui.insp.result.khong_ap_dung')}: ${summary.khong_ap_dung}`}</Tag>
            <Typography.Text type="secondary">
              {t('ui.insp.checklist.judged', { judged: summary.dat + summary.chua_dat + summary.khong_ap_dung, total: inspection.checklist.length })}
            </Typography.Text>
          </Space>
          {inspection.conclusion && (
            <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }} data-testid="inspection-conclusion">
              {t('ui.insp.conclude.on', { date: formatDate(inspection.concludedOn) })}: {inspection.conclusion}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      <Documents inspection={inspection} />
      <Card size="small" title={t('ui.insp.findings')}>
        <FindingsTable findings={inspection.findings} />
      </Card>
      {inspection.selfReportId !== null && (
        <Card size="small" title={t('ui.insp.selfReport')} data-testid="self-report">
          {user.unitId === inspection.unit.id ? <ReportView id={inspection.selfReportId} /> : inspection.can.canReadSelfReport && <TeamSelfReport inspectionId={inspection.id} />}
        </Card>
      )}
    </Flex>
  );
}
