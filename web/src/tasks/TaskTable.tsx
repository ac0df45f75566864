import { AREAS, type TArea, type TTask, type TUnitRef } from '@contract';
import { Grid, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { areaLabel } from '../app/format';
import { useT } from '../app/i18n';
import { StatusTag } from '../app/status';
import { TaskCards } from './TaskCards';
import { TaskDue } from './TaskDue';
import { TaskProgress } from './TaskProgress';
import { useTaskDrawer } from './useTaskDrawer';

/** `ordinal`: the task's place in its area, shown in "TT" when the task has no number of its own (city-assigned tasks). */
type Row = { kind: 'group'; key: string; area: TArea; count: number } | { kind: 'task'; key: string; task: TTask; ordinal: number };

function groupRows(tasks: TTask[]): Row[] {
  return AREAS.flatMap((area) => {
    const inArea = tasks.filter((task) => task.area === area);
    if (inArea.length === 0) return [];
    return [
      { kind: 'group' as const, key: `area-${area}`, area, count: inArea.length },
      ...inArea.map((task, i) => ({ kind: 'task' as const, key: `task-${task.id}`, task, ordinal: i + 1 })),
    ];
  });
}

function unitNames(units: TUnitRef[]): string {
  return units.map((u) => u.name).join('; ');
}

/** Group rows span the whole table; the first column carries their label. */
const spanGroup = (row: Row) => ({ colSpan: row.kind === 'group' ? 0 : 1 });

function useColumns(showSource: boolean, rowActions?: (task: TTask) => ReactNode): TableColumnsType<Row> {
  const t = useT();
  const { open } = useTaskDrawer();
  const cell = (render: (task: TTask) => ReactNode) => (_: unknown, row: Row) => (row.kind === 'task' ? render(row.task) : null);
  const columns: TableColumnsType<Row> = [
    {
      key: 'number',
      title: t('ui.tasks.col.number'),
      width: 48,
      // Exactly the table's column count: a larger span adds phantom columns to the body table only,
      // which then shares its width differently from the header (headers drifted right across the table).
      onCell: (row) => ({ colSpan: row.kind === 'group' ? columns.length : 1 }),
      render: (_, row) =>
        row.kind === 'group' ? (
          <span data-testid="task-group">
            {areaLabel(t, row.area)} <span className="muted">({t('ui.tasks.groupCount', { count: row.count })})</span>
          </span>
        ) : (
          (row.task.number ?? row.ordinal)
        ),
    },
    {
      key: 'content',
      title: t('ui.tasks.col.content'),
      width: showSource ? 215 : 235,
      onCell: spanGroup,
      render: cell((task) => (
        <button type="button" className="task-link task-content" onClick={() => open(task.id)} data-testid="task-open">
          {task.content}
        </button>
      )),
    },
  ];
  if (showSource) {
    columns.push({
      key: 'source',
      title: t('ui.tasks.col.source'),
      width: 140,
      onCell: spanGroup,
      render: cell((task) => task.sourceDocument),
    });
  }
  columns.push({ key: 'lead', title: t('ui.tasks.col.lead'), width: 120, onCell: spanGroup, render: cell((task) => unitNames(task.leadUnits)) });
  // City-assigned tasks rarely name coordinating units; their source document takes the room.
  if (!showSource) {
    columns.push({
      key: 'coordinating',
      title: t('ui.tasks.col.coordinating'),
      width: 120,
      onCell: spanGroup,
      render: cell((task) => unitNames(task.coordinatorUnits)),
    });
  }
  columns.push(
    { key: 'time', title: t('ui.tasks.col.time'), width: 130, onCell: spanGroup, render: cell((task) => <TaskDue task={task} />) },
    { key: 'product', title: t('ui.tasks.col.product'), width: 130, onCell: spanGroup, render: cell((task) => task.product) },
    { key: 'progress', title: t('ui.tasks.col.progress'), width: 95, onCell: spanGroup, render: cell((task) => <TaskProgress task={task} />) },
    {
      key: 'status',
      title: t('ui.tasks.col.status'),
      width: 140,
      onCell: spanGroup,
      render: cell((task) => (
        <>
          <StatusTag status={task.status} />
          {task.daysLate !== null && task.daysLate > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
              {t('ui.tasks.daysLate', { days: task.daysLate })}
            </Typography.Text>
          )}
        </>
      )),
    },
  );
  if (rowActions) columns.push({ key: 'actions', title: '', width: 56, onCell: spanGroup, render: cell(rowActions) });
  return columns;
}

interface Props {
  tasks: TTask[];
  loading: boolean;
  /** city-assigned tasks show their source document */
  showSource?: boolean;
  /** A menu at the end of each task row (a plan's amendment proposals). */
  rowActions?: (task: TTask) => ReactNode;
}

/**
 * Tasks grouped by reform area (I–VII); cards on a phone. The columns add up to about 1020 px, what a
 * 1366 px screen leaves beside the menu, so the whole row shows there; wider screens stretch them.
 */
export function TaskTable({ tasks, loading, showSource = false, rowActions }: Props) {
  const screens = Grid.useBreakpoint();
  const columns = useColumns(showSource, rowActions);
  const t = useT();
  if (screens.md === false) return <TaskCards tasks={tasks} loading={loading} />;
  return (
    <Table<Row>
      data-testid="task-table"
      rowKey="key"
      size="middle"
      bordered
      loading={loading}
      columns={columns}
      dataSource={groupRows(tasks)}
      rowClassName={(row) => (row.kind === 'group' ? 'task-group-row' : '')}
      pagination={false}
      scroll={{ x: columns.reduce((sum, column) => sum + Number(column.width ?? 0), 0) }}
      sticky={{ offsetHeader: 64 }}
      locale={{ emptyText: t('ui.tasks.empty') }}
    />
  );
}
