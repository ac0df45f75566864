/**
 * The visit checklist, for a tablet or a phone in the unit's office: items grouped by area, big
 * touch targets, a result (đạt / chưa đạt / không áp dụng), a comment, evidence (an uploaded file, a
 * link to a task or report of the system, an address) and the request when an item is chưa đạt.
 * Every keystroke is kept on the device first (useChecklistSync), so a dropped connection loses nothing.
 */
import { ArrowLeftOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { CHECKLIST_RESULTS, type TChecklistItem, type TChecklistResult, type TEvidence, type TInspection } from '@contract';
import { Alert, Badge, Button, Card, Flex, Input, Modal, Radio, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useErrorText, useNotify } from '../app/feedback';
import { formatDate } from '../app/format';
import { useT } from '../app/i18n';
import { inspectionApi, inspectionPaths, useInspection } from './api';
import { evidenceWithLink } from './evidence';
import { areaTitle } from './parts';
import { type ItemChanges, storedInspection, useChecklistSync, useOfflineShell } from './useChecklistSync';

const RESULT_COLOR: Record<TChecklistResult, string> = { dat: '#389e0d', chua_dat: '#cf1322', khong_ap_dung: '#8c8c8c' };

function EvidenceList({ evidence, t }: { evidence: TEvidence; t: ReturnType<typeof useT> }) {
  const count = evidence.fileIds.length + evidence.taskIds.length + evidence.reportIds.length + evidence.links.length;
  if (count === 0) return null;
  return (
    <Space wrap size={4} data-testid="item-evidence">
      {evidence.fileIds.map((id) => (
        <a key={`f${id}`} href={inspectionPaths.file(id)}>
          <Tag icon={<PaperClipOutlined />}>{t('ui.insp.evidence.file', { id })}</Tag>
        </a>
      ))}
      {evidence.taskIds.map((id) => (
        <Link key={`t${id}`} to={`/tasks?task=${id}`}>
          <Tag color="blue">{t('ui.insp.evidence.task', { id })}</Tag>
        </Link>
      ))}
      {evidence.reportIds.map((id) => (
        <Link key={`r${id}`} to={`/reports/${id}`}>
          <Tag color="cyan">{t('ui.insp.evidence.report', { id })}</Tag>
        </Link>
      ))}
      {evidence.links.map((link) => (
        <Tag key={link}>{link}</Tag>
      ))}
    </Space>
  );
}

function ItemCard({ item, editable, onEdit }: { item: TChecklistItem; editable: boolean; onEdit: (item: TChecklistItem, changes: ItemChanges) => void }) {
  const t = useT();
  const notify = useNotify();
  const [link, setLink] = useState('');
  const [uploading, setUploading] = useState(false);
  const evidence: TEvidence = item.evidence;
  // The file goes to the server at once (it needs the connection); its id then joins the item like any other change.
  const uploadFile = (file: File) => {
    setUploading(true);
    inspectionApi
      .uploadFile(item.inspectionId, file)
      .then((meta) => onEdit(item, { evidence: { ...evidence, fileIds: [...evidence.fileIds, meta.id] } }), notify.error)
      .finally(() => setUploading(false));
    return false;
  };
  const addLink = () => {
    if (!link.trim()) return;
    onEdit(item, { evidence: evidenceWithLink(evidence, link) });
    setLink('');
  };
  return (
    <Card size="small" className="checklist-item" data-testid={`item-${item.itemCode}`} style={{ borderLeft: `4px solid ${item.result ? RESULT_COLOR[item.result] : '#d9d9d9'}` }}>
      <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 8 }}>
        {item.title}
      </Typography.Paragraph>
      <Radio.Group
        className="checklist-result"
        optionType="button"
        buttonStyle="solid"
        size="large"
        disabled={!editable}
        value={item.result}
        onChange={(e) => onEdit(item, { result: e.target.value as TChecklistResult })}
        options={CHECKLIST_RESULTS.map((r) => ({ value: r, label: t(`ui.insp.result.${r}`) }))}
        data-testid="item-result"
      />
      {item.result === 'chua_dat' && (
        <Input.TextArea
          autoSize={{ minRows: 2 }}
          placeholder={t('ui.insp.item.request')}
          disabled={!editable}
          value={item.request ?? ''}
          onChange={(e) => onEdit(item, { request: e.target.value })}
          style={{ marginTop: 8, fontSize: 16 }}
          data-testid="item-request"
        />
      )}
      <Input.TextArea
        autoSize={{ minRows: 1 }}
        placeholder={t('ui.insp.item.comment')}
        disabled={!editable}
        value={item.comment}
        onChange={(e) => onEdit(item, { comment: e.target.value })}
        style={{ marginTop: 8, fontSize: 16 }}
        data-testid="item-comment"
      />
      <EvidenceList evidence={evidence} t={t} />
      {editable && (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          <Input
            size="large"
            placeholder={t('ui.insp.item.link')}
            value={link}
            onChange={(e) => setLink(e.target.value)}
            onPressEnter={addLink}
            style={{ flex: '1 1 220px' }}
            data-testid="item-link"
          />
          <Button size="large" onClick={addLink}>
            {t('ui.insp.item.addLink')}
          </Button>
          <Upload showUploadList={false} beforeUpload={uploadFile}>
            <Button size="large" icon={<UploadOutlined />} loading={uploading} data-testid="item-upload">
              {t('ui.insp.item.upload')}
            </Button>
          </Upload>
        </Flex>
      )}
    </Card>
  );
}

function ConflictModal({ conflicts, onChoose }: { conflicts: ReturnType<typeof useChecklistSync>['state']['conflicts']; onChoose: (itemId: number, keepMine: boolean) => void }) {
  const t = useT();
  const first = Object.values(conflicts)[0];
  if (!first) return null;
  const show = (changes: ItemChanges | TChecklistItem) => (
    <ul style={{ paddingLeft: 18, margin: 0 }}>
      {'result' in changes && changes.result !== undefined && <li>{changes.result ? t(`ui.insp.result.${changes.result}`) : '—'}</li>}
      {changes.comment !== undefined && <li>{changes.comment || '—'}</li>}
      {changes.request !== undefined && changes.request !== null && <li>{changes.request}</li>}
    </ul>
  );
  return (
    <Modal
      open
      closable={false}
      title={t('ui.insp.conflict.title', { title: first.current.title })}
      footer={[
        <Button key="theirs" onClick={() => onChoose(first.current.id, false)} data-testid="conflict-theirs">
          {t('ui.insp.conflict.theirs')}
        </Button>,
        <Button key="mine" type="primary" onClick={() => onChoose(first.current.id, true)} data-testid="conflict-mine">
          {t('ui.insp.conflict.mine')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('ui.insp.conflict.text', { name: first.current.updatedBy?.fullName ?? '' })}</Typography.Paragraph>
      <Typography.Text strong>{t('ui.insp.conflict.saved')}</Typography.Text>
      {show(first.current)}
      <Typography.Text strong>{t('ui.insp.conflict.yours')}</Typography.Text>
      {show(first.mine.changes)}
    </Modal>
  );
}

export function ChecklistPage() {
  const id = Number(useParams().inspectionId);
  const server = useInspection(id);
  const errorText = useErrorText();
  useOfflineShell();
  // Without a connection the page opens on the copy kept from the last visit.
  const inspection = server.data ?? storedInspection(id);
  if (!inspection) return server.isError ? <Alert type="error" message={errorText(server.error)} /> : <Spin />;
  return <Checklist inspection={inspection} fresh={server.data} />;
}

function Checklist({ inspection, fresh }: { inspection: TInspection; fresh: TInspection | undefined }) {
  const t = useT();
  const sync = useChecklistSync(inspection.id, fresh);
  const errorText = useErrorText();
  const editable = inspection.can.canEditChecklist;
  const groups = useMemo(() => {
    const byArea = new Map<string, TChecklistItem[]>();
    for (const item of [...sync.items].sort((a, b) => a.position - b.position)) byArea.set(item.areaCode, [...(byArea.get(item.areaCode) ?? []), item]);
    return [...byArea.entries()];
  }, [sync.items]);
  const judged = sync.items.filter((i) => i.result !== null).length;
  return (
    <Flex vertical gap={12} className="checklist-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space direction="vertical" size={0}>
          <Link to={`/inspections/${inspection.id}`}>
            <ArrowLeftOutlined /> {t('ui.insp.back')}
          </Link>
          <Typography.Title level={3} className="page-title" style={{ margin: 0 }} data-testid="checklist-title">
            {t('ui.insp.checklist.title', { unit: inspection.unit.name })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {formatDate(inspection.visitDate)} · {t('ui.insp.checklist.judged', { judged, total: sync.items.length })}
          </Typography.Text>
        </Space>
        <Space wrap>
          {!sync.online && <Tag color="default">{t('ui.insp.sync.offline')}</Tag>}
          {sync.waiting > 0 ? (
            <Tag color="orange" data-testid="sync-status">
              {t('ui.insp.sync.pending', { count: sync.waiting })}
            </Tag>
          ) : (
            <Tag color="green" data-testid="sync-status">
              {t('ui.insp.sync.saved')}
            </Tag>
          )}
          {sync.waiting > 0 && sync.online && (
            <Button onClick={() => void sync.flush()} loading={sync.sending}>
              {t('ui.insp.sync.now')}
            </Button>
          )}
        </Space>
      </Flex>
      {sync.error !== null && <Alert type="error" showIcon message={errorText(sync.error)} />}
      {!editable && <Alert type="info" showIcon message={t('ui.insp.checklist.readOnly')} />}
      {groups.map(([area, items]) => (
        <Card
          key={area}
          size="small"
          title={
            <Space>
              <Typography.Text strong>{areaTitle(t, items[0].areaCode)}</Typography.Text>
              <Badge count={`${items.filter((i) => i.result !== null).length}/${items.length}`} color="#1f4e8c" />
            </Space>
          }
          styles={{ body: { padding: 8 } }}
        >
          <Flex vertical gap={8}>
            {items.map((item) => (
              <ItemCard key={item.id} item={item} editable={editable} onEdit={sync.edit} />
            ))}
          </Flex>
        </Card>
      ))}
      <ConflictModal conflicts={sync.state.conflicts} onChoose={sync.choose} />
    </Flex>
  );
}
