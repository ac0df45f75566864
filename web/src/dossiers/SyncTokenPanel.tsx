/** The commune's machine-sync token: an administrator issues a new one (shown once), the old stops working. */
import { Alert, Button, Flex, Popconfirm, Typography } from 'antd';
import { useErrorText } from '../app/feedback';
import { useT } from '../app/i18n';
import { useRotateToken } from './queries';

export function SyncTokenPanel({ communeId }: { communeId: number }) {
  const t = useT();
  const errorText = useErrorText();
  const rotate = useRotateToken(communeId);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }}>
      <Typography.Paragraph>{t('ui.dossiers.syncHelp')}</Typography.Paragraph>
      <div>
        <Popconfirm title={t('ui.dossiers.rotateConfirm')} onConfirm={() => rotate.mutate()}>
          <Button loading={rotate.isPending} data-testid="rotate-token">
            {t('ui.dossiers.rotate')}
          </Button>
        </Popconfirm>
      </div>
      {rotate.isError && <Alert type="error" showIcon title={errorText(rotate.error)} />}
      {rotate.data && (
        <Alert
          type="success"
          showIcon
          title={t('ui.dossiers.tokenOnce')}
          description={
            <Typography.Text code copyable data-testid="sync-token">
              {rotate.data.token}
            </Typography.Text>
          }
        />
      )}
    </Flex>
  );
}
