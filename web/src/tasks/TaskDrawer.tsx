import { EditOutlined } from '@ant-design/icons';
import type { TTaskDetail } from '@contract';
import { Alert, Button, Divider, Drawer, Grid, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '../app/auth';
import { useErrorText } from '../app/feedback';
import { useT } from '../app/i18n';
import { StatusTag } from '../app/status';
import { TaskCityRequests } from '../city/CityRequests';
import { CommentBox } from './CommentBox';
import { ConfirmationPanel, ReturnedNote } from './Confirmation';
import { OccurrencesTable } from './OccurrencesTable';
import { ProgressForm } from './ProgressForm';
import { useTask } from './queries';
import { TaskFacts } from './TaskFacts';
import { TaskFiles } from './TaskFiles';
import { TaskFormModal } from './TaskFormModal';
import { TaskHistory } from './TaskHistory';
import { useTaskDrawer } from './useTaskDrawer';

/** Mirrors the server's rule: the coordinating units' people may comment too. */
function canComment(task: TTaskDetail, unitId: number | null): boolean {
  return task.canEdit || (unitId !== null && task.coordinatorUnits.some((u) => u.id === unitId));
}

function TaskBody({ task }: { task: TTaskDetail }) {
  const t = useT();
  const user = useUser();
  const occurrences = task.checkpoints;
  const recurring = occurrences.length > 1;
  return (
    <>
      <ConfirmationPanel task={task} />
      <TaskFacts task={task} />
      {recurring && (
        <>
          <Divider titlePlacement="start">{t('ui.task.occurrences')}</Divider>
          <OccurrencesTable occurrences={occurrences} />
        </>
      )}
      {task.canEdit && (
        <>
          <Divider titlePlacement="start">{t('ui.task.updateProgress')}</Divider>
          <ProgressForm task={task} />
        </>
      )}
      <Divider titlePlacement="start">{t('ui.task.files')}</Divider>
      <TaskFiles task={task} />
      {canComment(task, user.unitId) && (
        <>
          <Divider titlePlacement="start">{t('ui.task.comment')}</Divider>
          <CommentBox taskId={task.id} />
        </>
      )}
      <Divider titlePlacement="start">{t('ui.cityRequest.section')}</Divider>
      <TaskCityRequests communeId={task.communeId} taskId={task.id} label={task.number ? `${task.number}. ${task.content}` : task.content} />
      <Divider titlePlacement="start">{t('ui.task.history')}</Divider>
      <TaskHistory task={task} />
    </>
  );
}

export function TaskDrawer() {
  const t = useT();
  const { taskId, close } = useTaskDrawer();
  const task = useTask(taskId);
  const errorText = useErrorText();
  const screens = Grid.useBreakpoint();
  const [editing, setEditing] = useState(false);
  const data = task.data;
  const canEditContent = Boolean(data?.canManage);
  return (
    <Drawer
      open={taskId !== null}
      onClose={close}
      size={screens.md === false ? '100%' : 760}
      destroyOnHidden
      styles={{ body: { padding: screens.md === false ? 12 : 24 } }}
      data-testid="task-drawer"
      title={
        data ? (
          <Space wrap>
            <span>{t('ui.task.title', { number: data.number ?? '' })}</span>
            <StatusTag status={data.status} />
          </Space>
        ) : (
          t('ui.task.loading')
        )
      }
      extra={
        canEditContent && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="task-edit">
            {t('ui.task.edit')}
          </Button>
        )
      }
    >
      {task.isPending && taskId !== null && <Skeleton active />}
      {task.isError && <Alert type="error" showIcon title={errorText(task.error)} />}
      {data && (
        <>
          <ReturnedNote task={data} />
          <Typography.Paragraph strong className="task-content" style={{ fontSize: 15 }} data-testid="task-content">
            {data.content}
          </Typography.Paragraph>
          <TaskBody task={data} />
          {editing && <TaskFormModal mode={{ kind: 'edit', task: data }} onClose={() => setEditing(false)} />}
        </>
      )}
    </Drawer>
  );
}
