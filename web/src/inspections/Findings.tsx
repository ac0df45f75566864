/**
 * Findings to closure: each chưa đạt item with a request, its owner unit and deadline; the unit reports
 * the fix (text + evidence), the team accepts it or reopens it. Overdue ones are highlighted.
 */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { TFileMeta, TFinding, TFindingDecision, TFindingStatus } from '@contract';
import { FINDING_STATUSES } from '@contract';
import { Button, Card, DatePicker, Flex, Input, Modal, Select, Space, Switch, Table, type TableColumnsType, Tag, Typography, Upload } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCommune } from '../app/commune';
import { useErrorText, useNotify } from '../app/feedback';
import { DATE_FORMAT, formatDate, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { inspectionApi, inspectionPaths, useFindings, useInspectionMutation } from './api';
import { evidenceWithLink } from './evidence';
import { areaTitle, FindingStatusTag } from './parts';

const EMPTY_EVIDENCE = { fileIds: [] as number[], taskIds: [] as number[], reportIds: [] as number[], links: [] as string[] };

function FixModal({ finding, onClose }: { finding: TFinding; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const [uploaded, setUploaded] = useState<TFileMeta[]>([]);
  const send = useInspectionMutation(() =>
    inspectionApi.reportFix(finding.id, {
      version: finding.version,
      text,
      evidence: evidenceWithLink({ ...EMPTY_EVIDENCE, fileIds: uploaded.map((f) => f.id) }, link),
    }),
  );
  const uploadFile = (file: File) => {
    inspectionApi.uploadFile(finding.inspectionId, file).then((meta) => setUploaded((list) => [...list, meta]), notify.error);
    return false;
  };
  return (
    <Modal
      open
      title={t('ui.insp.fix.title')}
      onCancel={onClose}
      confirmLoading={send.isPending}
      onOk={() => (text.trim() ? send.mutateAsync(undefined).then(onClose, notify.error) : notify.warn(t('ui.insp.fix.textRequired')))}
      okButtonProps={{ 'data-testid': 'fix-send' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">{finding.request}</Typography.Paragraph>
      <Input.TextArea autoSize={{ minRows: 3 }} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('ui.insp.fix.text')} data-testid="fix-text" />
      <Input value={link} onChange={(e) => setLink(e.target.value)} placeholder={t('ui.insp.item.link')} style={{ marginTop: 8 }} data-testid="fix-link" />
      <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
        <Upload showUploadList={false} beforeUpload={uploadFile}>
          <Button icon={<UploadOutlined />} data-testid="fix-upload">
            {t('ui.insp.item.upload')}
          </Button>
        </Upload>
        {uploaded.map((f) => (
          <Tag key={f.id} icon={<PaperClipOutlined />}>
            {f.name}
          </Tag>
        ))}
      </Flex>
    </Modal>
  );
}

function ReviewModal({ finding, decision, onClose }: { finding: TFinding; decision: TFindingDecision; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [comment, setComment] = useState('');
  const [deadline, setDeadline] = useState<dayjs.Dayjs | null>(null);
  const review = useInspectionMutation(() =>
    inspectionApi.review(finding.id, { version: finding.version, decision, comment: comment || undefined, deadline: deadline ? toIsoDate(deadline) : undefined }),
  );
  return (
    <Modal
      open
      title={t(decision === 'accept' ? 'ui.insp.review.accept' : 'ui.insp.review.reopen')}
      onCancel={onClose}
      confirmLoading={review.isPending}
      onOk={() => review.mutateAsync(undefined).then(onClose, notify.error)}
      okButtonProps={{ 'data-testid': 'review-ok' } as Record<string, string>}
    >
      <Input.TextArea
        autoSize={{ minRows: 2 }}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('ui.insp.review.comment')}
        data-testid="review-comment"
      />
      {decision === 'reopen' && <DatePicker format={DATE_FORMAT} value={deadline} onChange={setDeadline} placeholder={t('ui.insp.review.newDeadline')} style={{ marginTop: 8 }} />}
    </Modal>
  );
}

type Acting = { finding: TFinding; action: 'fix' | TFindingDecision } | null;

export function FindingsTable({ findings, showInspection }: { findings: TFinding[]; showInspection?: boolean }) {
  const t = useT();
  const [acting, setActing] = useState<Acting>(null);
  const columns: TableColumnsType<TFinding> = [
    {
      key: 'finding',
      title: t('ui.insp.col.finding'),
      render: (_, f) => (
        <Flex vertical gap={2}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {areaTitle(t, f.areaCode)} · {f.title}
          </Typography.Text>
          <Typography.Text>{f.request}</Typography.Text>
          {f.fixReport && (
            <Typography.Text type="success" data-testid="finding-fix">
              {t('ui.insp.fix.reported', { date: formatDate(f.fixReportedOn) })}: {f.fixReport}
            </Typography.Text>
          )}
          {f.fixEvidence.fileIds.map((id) => (
            <a key={id} href={inspectionPaths.file(id)}>
              {t('ui.insp.evidence.file', { id })}
            </a>
          ))}
          {showInspection && <Link to={`/inspections/${f.inspectionId}`}>{t('ui.insp.openInspection')}</Link>}
        </Flex>
      ),
    },
    { key: 'owner', title: t('ui.insp.col.owner'), width: 190, render: (_, f) => f.ownerUnit.name },
    {
      key: 'deadline',
      title: t('ui.insp.col.deadline'),
      width: 130,
      render: (_, f) => (f.overdue ? <Tag color="red">{t('ui.insp.overdue', { date: formatDate(f.deadline) })}</Tag> : formatDate(f.deadline)),
    },
    { key: 'status', title: t('ui.insp.col.status'), width: 140, render: (_, f) => <FindingStatusTag status={f.status} /> },
    {
      key: 'actions',
      title: '',
      width: 220,
      render: (_, f) => (
        <Space wrap>
          {f.can.canReportFix && (
            <Button size="small" type="primary" onClick={() => setActing({ finding: f, action: 'fix' })} data-testid="finding-report-fix">
              {t('ui.insp.fix.button')}
            </Button>
          )}
          {f.can.canReview && f.status === 'fix_reported' && (
            <Button size="small" type="primary" onClick={() => setActing({ finding: f, action: 'accept' })} data-testid="finding-accept">
              {t('ui.insp.review.accept')}
            </Button>
          )}
          {f.can.canReview && f.status !== 'open' && f.status !== 'reopened' && (
            <Button size="small" danger onClick={() => setActing({ finding: f, action: 'reopen' })} data-testid="finding-reopen">
              {t('ui.insp.review.reopen')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<TFinding>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={findings}
        pagination={false}
        scroll={{ x: 860 }}
        rowClassName={(f) => (f.overdue ? 'finding-overdue' : '')}
        data-testid="findings-table"
      />
      {acting?.action === 'fix' && <FixModal finding={acting.finding} onClose={() => setActing(null)} />}
      {acting && acting.action !== 'fix' && <ReviewModal finding={acting.finding} decision={acting.action} onClose={() => setActing(null)} />}
    </>
  );
}

/** All findings the reader may see in a year, filtered by status or overdue. */
export function FindingsPage() {
  const t = useT();
  const errorText = useErrorText();
  const [status, setStatus] = useState<TFindingStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const year = new Date().getFullYear();
  const { communeId } = useCommune();
  const findings = useFindings(communeId, { year, status, overdue: overdue || undefined });
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} className="page-title" data-testid="findings-title">
        {t('ui.nav.findings')}
      </Typography.Title>
      <Space wrap>
        <Select<TFindingStatus>
          allowClear
          placeholder={t('ui.insp.col.status')}
          value={status}
          onChange={setStatus}
          options={FINDING_STATUSES.map((s) => ({ value: s, label: t(`ui.insp.finding.${s}`) }))}
          style={{ width: 200 }}
        />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} />
          {t('ui.insp.onlyOverdue')}
        </Space>
      </Space>
      {findings.isError && <Typography.Text type="danger">{errorText(findings.error)}</Typography.Text>}
      <Card size="small">
        <FindingsTable findings={findings.data?.findings ?? []} showInspection />
      </Card>
    </Flex>
  );
}
