/** Upload a dossier export: read its header, map the columns (saved per source), load it with a progress bar, show refused rows. */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { type TDossierHeaders, type TIngestResult, ZDossierField } from '@contract';
import { Alert, Button, Flex, Form, Input, Progress, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { TEMPLATE_HEADERS } from '../../../src/domain/indicators/template';
import { useErrorText } from '../app/feedback';
import { useT } from '../app/i18n';
import { readHeaders, saveMapping, type UploadStage, uploadDossiers, useAfterUpload } from './queries';

const DEFAULT_SOURCE = 'he-thong-mot-cua';

function StageBar({ stage }: { stage: UploadStage }) {
  const t = useT();
  if (stage.stage === 'upload') return <Progress percent={stage.percent} status="active" format={(p) => `${t('ui.dossiers.uploading')} ${p}%`} data-testid="upload-progress" />;
  const { phase, done, total } = stage.progress;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Progress
      percent={percent}
      status="active"
      format={() => (phase === 'writing' ? t('ui.dossiers.writing', { done, total }) : t('ui.dossiers.reading'))}
      data-testid="upload-progress"
    />
  );
}

function IngestSummary({ result }: { result: TIngestResult }) {
  const t = useT();
  return (
    <Flex vertical gap={8} data-testid="ingest-result">
      <Alert
        type={result.rejected.length > 0 ? 'warning' : 'success'}
        showIcon
        title={t('ui.dossiers.result', { ...result, rejected: result.rejected.length })}
        data-testid="ingest-summary"
      />
      {result.rejected.length > 0 && (
        <Table
          size="small"
          rowKey="line"
          title={() => t('ui.dossiers.rejected')}
          dataSource={result.rejected}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('ui.dossiers.line'), dataIndex: 'line', width: 80 },
            { title: t('ui.dossiers.reason'), dataIndex: 'reason' },
          ]}
          data-testid="rejected-rows"
        />
      )}
    </Flex>
  );
}

export function UploadPanel({ communeId }: { communeId: number }) {
  const t = useT();
  const errorText = useErrorText();
  const afterUpload = useAfterUpload();
  const [source, setSource] = useState(DEFAULT_SOURCE);
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<TDossierHeaders['headers']>([]);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<UploadStage | null>(null);
  const [result, setResult] = useState<TIngestResult | null>(null);

  const choose = async (chosen: File) => {
    setFile(chosen);
    setResult(null);
    setError(null);
    setHeaders([]);
    try {
      setHeaders((await readHeaders(communeId, chosen, source)).headers);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const missing = (['code', 'channel', 'received', 'appointment', 'ended', 'status'] as const).filter((f) => !headers.some((h) => h.field === f));

  const load = async () => {
    if (!file) return;
    setError(null);
    setResult(null);
    try {
      const mapping = Object.fromEntries(headers.filter((h) => h.field && h.header.trim()).map((h) => [h.header, h.field as string]));
      await saveMapping(communeId, source, mapping);
      setStage({ stage: 'upload', percent: 0 });
      setResult(await uploadDossiers(communeId, file, source, setStage));
      afterUpload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setStage(null);
    }
  };

  const fieldOptions = [{ value: '', label: t('ui.dossiers.ignore') }, ...ZDossierField.options.map((f) => ({ value: f, label: TEMPLATE_HEADERS[f] }))];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="end">
        <Form.Item label={t('ui.dossiers.source')} tooltip={t('ui.dossiers.sourceHelp')} style={{ margin: 0 }}>
          <Input value={source} onChange={(e) => setSource(e.target.value)} style={{ width: 260 }} maxLength={100} data-testid="dossier-source" />
        </Form.Item>
        <Button icon={<DownloadOutlined />} href="/api/dossiers/template.csv" data-testid="dossier-template">
          {t('ui.dossiers.template')}
        </Button>
      </Flex>
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv"
        multiple={false}
        showUploadList={false}
        beforeUpload={(chosen) => {
          void choose(chosen);
          return false;
        }}
        data-testid="dossier-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t('ui.dossiers.choose')}</p>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon title={error} data-testid="dossier-error" />}
      {headers.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('ui.dossiers.mapping')}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(h) => `${h.header}`}
            dataSource={headers}
            pagination={false}
            data-testid="dossier-mapping"
            columns={[
              { title: t('ui.dossiers.header'), dataIndex: 'header' },
              {
                title: t('ui.dossiers.field'),
                key: 'field',
                render: (_, h, index) => (
                  <Select
                    value={h.field ?? ''}
                    options={fieldOptions}
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 260 }}
                    onChange={(value: string) => setHeaders(headers.map((x, i) => (i === index ? { ...x, field: (value || null) as typeof x.field } : x)))}
                    data-testid={`map-${index}`}
                  />
                ),
              },
            ]}
          />
          {missing.length > 0 && (
            <Alert type="warning" showIcon title={t('ui.dossiers.missing', { columns: missing.map((f) => TEMPLATE_HEADERS[f]).join(', ') })} data-testid="mapping-missing" />
          )}
          <div>
            <Button type="primary" onClick={load} disabled={missing.length > 0 || stage !== null || !source.trim()} loading={stage !== null} data-testid="dossier-load">
              {t('ui.dossiers.load')}
            </Button>
          </div>
        </>
      )}
      {stage && <StageBar stage={stage} />}
      {result && <IngestSummary result={result} />}
    </Flex>
  );
}
