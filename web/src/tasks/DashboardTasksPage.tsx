import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { filterTasks, type TTask, type TTaskFilter, ZTaskFilter } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, withQuery } from '../app/api';
import { useCommune } from '../app/commune';
import { useErrorText } from '../app/feedback';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { TaskFilters } from './TaskFilters';
import { TaskTable } from './TaskTable';

/** The filter written in the address; anything the contract does not accept is dropped. */
function filterOf(params: URLSearchParams): TTaskFilter {
  const entries = Object.entries(ZTaskFilter.shape).flatMap(([key, schema]) => {
    const raw = params.get(key);
    if (raw === null) return [];
    const parsed = schema.safeParse(raw);
    return parsed.success && parsed.data !== undefined ? [[key, parsed.data] as const] : [];
  });
  return Object.fromEntries(entries) as TTaskFilter;
}

/** Everything but the free-text search goes to the server; the search narrows what came back, as the other task tables do. */
function useDashboardTasks(communeId: number | null, planId: number | undefined, filter: TTaskFilter) {
  const { q: _q, ...counted } = filter;
  const query: Record<string, string | number | undefined> = { communeId: communeId ?? undefined, planId };
  for (const [key, value] of Object.entries(counted)) query[key] = value === undefined ? undefined : String(value);
  const path = withQuery('/api/dashboard/tasks', query);
  return useQuery({ queryKey: ['tasks', 'dashboard', path], queryFn: () => api.get<TTask[]>(path), enabled: communeId !== null });
}

/** The tasks behind a dashboard card or chart segment: the same filter the server counted with. */
export function DashboardTasksPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const { communeId } = useCommune();
  const units = useUnits(communeId);
  const errorText = useErrorText();
  const planId = Number(params.get('planId')) || undefined;
  const filter = useMemo(() => filterOf(params), [params]);
  const tasks = useDashboardTasks(communeId, planId, filter);
  const shown = useMemo(() => filterTasks(tasks.data ?? [], { q: filter.q }), [tasks.data, filter.q]);
  const setFilter = (next: TTaskFilter) => {
    const search = new URLSearchParams();
    if (planId) search.set('planId', String(planId));
    for (const [key, value] of Object.entries(next)) if (value !== undefined && value !== '') search.set(key, String(value));
    setParams(search, { replace: true });
  };
  const without = (key: keyof TTaskFilter) => setFilter({ ...filter, [key]: undefined });
  const leadName = units.data?.find((u) => u.id === filter.leadUnitId)?.name ?? String(filter.leadUnitId);
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} className="no-print">
        <Link to="/dashboard">
          <ArrowLeftOutlined /> {t('ui.dashboardTasks.back')}
        </Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
          {t('ui.print')}
        </Button>
      </Flex>
      <Flex align="center" wrap gap={8} style={{ margin: '8px 0 12px' }}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('ui.dashboardTasks.title')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 14 }} data-testid="task-count">
            ({shown.length})
          </Typography.Text>
        </Typography.Title>
        {filter.done !== undefined && (
          <Tag closable onClose={() => without('done')} data-testid="chip-done">
            {t(filter.done ? 'ui.dashboardTasks.done' : 'ui.dashboardTasks.notDone')}
          </Tag>
        )}
        {filter.origin !== undefined && (
          <Tag closable onClose={() => without('origin')} data-testid="chip-origin">
            {t(filter.origin === 'city_assigned' ? 'ui.dashboardTasks.cityAssigned' : 'ui.dashboardTasks.fromPlan')}
          </Tag>
        )}
        {filter.leadUnitId !== undefined && (
          <Tag closable onClose={() => without('leadUnitId')} data-testid="chip-lead">
            {t('ui.dashboardTasks.lead', { unit: leadName })}
          </Tag>
        )}
      </Flex>
      <div style={{ marginBottom: 12 }} className="no-print">
        <TaskFilters value={filter} onChange={setFilter} units={units.data ?? []} />
      </div>
      {tasks.isError && <Alert type="error" showIcon title={errorText(tasks.error)} />}
      <TaskTable tasks={shown} loading={tasks.isPending && communeId !== null} showSource={filter.origin === 'city_assigned'} />
    </>
  );
}
