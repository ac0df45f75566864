/** Import a plan from a Word/PDF/text file: upload, review and correct the extraction, then save. */
import { InboxOutlined } from '@ant-design/icons';
import type { TImportResult } from '@contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Result, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api } from '../app/api';
import { useCommune, useCurrentCommune } from '../app/commune';
import { useErrorText } from '../app/feedback';
import { useT } from '../app/i18n';
import { ImportReview } from './ImportReview';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.docx,.pdf,.txt,.md';

/** The importer's refusal of an inspection plan (seed 003): it has its own screen under Kiểm tra. */
const isInspectionPlan = (error: unknown) => error instanceof ApiError && (error.details as { code?: string } | undefined)?.code === 'inspection_plan';

export function ImportPage() {
  const t = useT();
  const { communeId } = useCommune();
  const commune = useCurrentCommune();
  const errorText = useErrorText();
  const [localError, setLocalError] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const analyse = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.post<TImportResult>(`/api/communes/${communeId}/imports`, form);
    },
  });

  if (commune && !commune.canImport) return <Result status="403" title={t('ui.import.forbidden')} />;

  const choose = (file: File) => {
    setLocalError(null);
    analyse.reset();
    if (!/\.(docx|pdf|txt|md)$/i.test(file.name)) setLocalError(t('ui.import.badType'));
    else if (file.size > MAX_BYTES) setLocalError(t('ui.import.tooLarge'));
    else {
      setFileName(file.name);
      analyse.mutate(file);
    }
    return false;
  };

  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('ui.import.title')}
      </Typography.Title>
      {analyse.data && communeId !== null ? (
        <>
          <Button style={{ marginBottom: 12 }} onClick={() => analyse.reset()}>
            {t('ui.import.another')}
          </Button>
          <ImportReview key={fileName} result={analyse.data} communeId={communeId} />
        </>
      ) : analyse.isPending ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin size="large" />
          <div style={{ marginTop: 12 }}>{t('ui.import.reading', { name: fileName })}</div>
        </div>
      ) : (
        <>
          {(localError || analyse.isError) && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={localError ?? errorText(analyse.error)}
              description={
                isInspectionPlan(analyse.error) ? (
                  <Link to="/inspections/plans/import" data-testid="import-to-inspection">
                    {t('ui.inspImport.isInspectionPlan')}
                  </Link>
                ) : undefined
              }
              data-testid="import-error"
            />
          )}
          <div data-testid="import-upload">
            <Upload.Dragger accept={ACCEPT} multiple={false} showUploadList={false} beforeUpload={choose} disabled={communeId === null}>
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('ui.import.drop')}</p>
              <p className="ant-upload-hint">{t('ui.import.dropHint')}</p>
            </Upload.Dragger>
          </div>
        </>
      )}
    </>
  );
}
