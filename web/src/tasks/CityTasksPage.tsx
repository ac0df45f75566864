import { PlusOutlined } from '@ant-design/icons';
import { type TTaskFilter as Filters, filterTasks } from '@contract';
import { Alert, Button, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useCommune, useCurrentCommune } from '../app/commune';
import { useErrorText } from '../app/feedback';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { useCityTasks } from './queries';
import { TaskFilters } from './TaskFilters';
import { TaskFormModal } from './TaskFormModal';
import { TaskTable } from './TaskTable';

/** Tasks the city gave the commune, counted apart from the plan (done on time / late / overdue). */
export function CityTasksPage() {
  const t = useT();
  const { communeId } = useCommune();
  const commune = useCurrentCommune();
  const tasks = useCityTasks(communeId);
  const units = useUnits(communeId);
  const errorText = useErrorText();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const all = tasks.data ?? [];
  const shown = useMemo(() => filterTasks(all, filters), [all, filters]);
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('ui.nav.cityTasks')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 14 }} data-testid="task-count">
            ({t('ui.plan.shownOf', { shown: shown.length, total: all.length })})
          </Typography.Text>
        </Typography.Title>
        {commune?.canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="task-create">
            {t('ui.cityTasks.add')}
          </Button>
        )}
      </Flex>
      <div style={{ marginBottom: 12 }}>
        <TaskFilters value={filters} onChange={setFilters} units={units.data ?? []} />
      </div>
      {tasks.isError && <Alert type="error" showIcon title={errorText(tasks.error)} />}
      <TaskTable tasks={shown} loading={tasks.isPending && communeId !== null} showSource />
      {creating && communeId !== null && <TaskFormModal mode={{ kind: 'createCity', communeId }} onClose={() => setCreating(false)} />}
    </>
  );
}
