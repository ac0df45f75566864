/**
 * Report templates for the city administrator: every version of every template, and a new version
 * loaded from a JSON file or an Excel outline. Reports already made keep the version they were made with.
 */
import type { TReportTemplateVersion } from '@contract';
import { Button, Card, Form, Input, Radio, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNotify } from '../app/feedback';
import { formatDate } from '../app/format';
import { useT } from '../app/i18n';
import { reportApi, useReportMutation, useTemplates } from './queries';

type Source = 'json' | 'excel';

export function TemplatesPage() {
  const t = useT();
  const templates = useTemplates();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('ui.reports.templates.title')}</Typography.Title>
      <LoadTemplate />
      <Table
        rowKey="id"
        size="small"
        loading={templates.isLoading}
        dataSource={templates.data ?? []}
        pagination={false}
        data-testid="template-versions"
        columns={[
          { title: t('ui.reports.templates.key'), dataIndex: 'key', key: 'key' },
          { title: t('ui.reports.templates.version'), dataIndex: 'version', key: 'version', align: 'right' as const },
          { title: t('ui.reports.templates.name'), dataIndex: 'name', key: 'name' },
          { title: t('ui.reports.templates.sections'), key: 'sections', render: (_: unknown, v: TReportTemplateVersion) => v.body.sections.length, align: 'right' as const },
          { title: t('ui.reports.templates.loadedOn'), key: 'on', render: (_: unknown, v: TReportTemplateVersion) => formatDate(v.createdAt.slice(0, 10)) },
        ]}
      />
    </Space>
  );
}

function LoadTemplate() {
  const t = useT();
  const notify = useNotify();
  const [source, setSource] = useState<Source>('json');
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const load = useReportMutation(async () => {
    if (!file) throw new Error(t('ui.reports.templates.noFile'));
    if (source === 'excel') return reportApi.loadTemplateExcel(file, { key: key.trim(), name: name.trim() });
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      throw new Error(t('ui.reports.templates.badJson'));
    }
    return reportApi.loadTemplateJson(body);
  });
  const submit = () =>
    load.mutateAsync(undefined).then((v) => {
      notify.success(t('ui.reports.templates.loaded', { key: v.key, version: v.version }));
      setFile(null);
    }, notify.error);
  return (
    <Card size="small" title={t('ui.reports.templates.load')}>
      <Form layout="vertical">
        <Form.Item>
          <Radio.Group value={source} onChange={(e) => setSource(e.target.value)} data-testid="template-source">
            <Radio value="json">{t('ui.reports.templates.fromJson')}</Radio>
            <Radio value="excel">{t('ui.reports.templates.fromExcel')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Typography.Paragraph type="secondary">{t(source === 'json' ? 'ui.reports.templates.jsonHint' : 'ui.reports.templates.excelHint')}</Typography.Paragraph>
        {source === 'excel' && (
          <Space wrap>
            <Form.Item label={t('ui.reports.templates.key')}>
              <Input value={key} onChange={(e) => setKey(e.target.value)} placeholder="bao-cao-cchc-dinh-ky" style={{ width: 260 }} data-testid="template-key" />
            </Form.Item>
            <Form.Item label={t('ui.reports.templates.name')}>
              <Input value={name} onChange={(e) => setName(e.target.value)} style={{ width: 420 }} data-testid="template-name" />
            </Form.Item>
          </Space>
        )}
        <Space>
          <Upload
            accept={source === 'json' ? '.json,application/json' : '.xlsx'}
            maxCount={1}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button data-testid="template-file">{t('ui.reports.templates.chooseFile')}</Button>
          </Upload>
          <Button type="primary" disabled={!file} loading={load.isPending} onClick={submit} data-testid="template-load">
            {t('ui.reports.templates.loadButton')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
