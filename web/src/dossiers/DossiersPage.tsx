/** Procedure dossiers of the commune: upload an export, its indicators, and (administrators) the sync token. */
import { Empty, Tabs, Typography } from 'antd';
import { usePermissions } from '../app/auth';
import { useCurrentCommune } from '../app/commune';
import { useT } from '../app/i18n';
import { IndicatorsPanel } from './IndicatorsPanel';
import { SyncTokenPanel } from './SyncTokenPanel';
import { UploadPanel } from './UploadPanel';

export function DossiersPage() {
  const t = useT();
  const commune = useCurrentCommune();
  const permissions = usePermissions();
  if (!commune) return <Empty />;
  const tabs = [
    ...(commune.canManage ? [{ key: 'upload', label: t('ui.dossiers.tabUpload'), children: <UploadPanel communeId={commune.id} /> }] : []),
    { key: 'indicators', label: t('ui.dossiers.tabIndicators'), children: <IndicatorsPanel communeId={commune.id} /> },
    ...(permissions.canAdminister ? [{ key: 'sync', label: t('ui.dossiers.tabSync'), children: <SyncTokenPanel communeId={commune.id} /> }] : []),
  ];
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('ui.dossiers.title')} · {commune.name}
      </Typography.Title>
      <Tabs items={tabs} destroyOnHidden data-testid="dossier-tabs" />
    </>
  );
}
