import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { TTaskDetail } from '@contract';
import { Button, Flex, Typography, Upload, type UploadProps } from 'antd';
import { useNotify } from '../app/feedback';
import { formatDateTime, formatFileSize } from '../app/format';
import { useT } from '../app/i18n';
import { useUploadFile } from './queries';

const MAX_BYTES = 20 * 1024 * 1024;
const EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'jpg', 'jpeg', 'png', 'zip'];
const ACCEPT = EXTENSIONS.map((ext) => `.${ext}`).join(',');

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1).toLowerCase();
}

function FileUpload({ taskId }: { taskId: number }) {
  const t = useT();
  const notify = useNotify();
  const upload = useUploadFile(taskId);
  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (!EXTENSIONS.includes(extensionOf(file.name))) {
      notify.warn(t('error.file_type', { types: 'PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, JPG, PNG, ZIP' }));
      return Upload.LIST_IGNORE;
    }
    if (file.size === 0) {
      notify.warn(t('error.file_empty'));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_BYTES) {
      notify.warn(t('error.file_too_large', { max: '20 MB' }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    upload.mutate(file as File, {
      onSuccess: (meta) => {
        onSuccess?.(meta);
        notify.success(t('ui.task.fileUploaded'));
      },
      onError: (error) => {
        onError?.(error);
        notify.error(error);
      },
    });
  };
  return (
    <Upload accept={ACCEPT} beforeUpload={beforeUpload} customRequest={customRequest} showUploadList={false} multiple>
      <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="file-upload">
        {t('ui.task.uploadFile')}
      </Button>
    </Upload>
  );
}

export function TaskFiles({ task }: { task: TTaskDetail }) {
  const t = useT();
  return (
    <Flex vertical gap={8} data-testid="task-files">
      {task.files.length === 0 && <Typography.Text type="secondary">{t('ui.task.noFiles')}</Typography.Text>}
      {task.files.map((file) => (
        <div key={file.id}>
          <PaperClipOutlined />{' '}
          <a href={`/api/files/${file.id}`} download={file.name} data-testid="file-link">
            {file.name}
          </a>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({formatFileSize(file.size)}) · {file.uploadedBy.fullName} · {formatDateTime(file.uploadedAt)}
          </Typography.Text>
        </div>
      ))}
      {task.canEdit && (
        <div>
          <FileUpload taskId={task.id} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {t('ui.task.fileHint')}
          </Typography.Text>
        </div>
      )}
    </Flex>
  );
}
