import { SearchOutlined } from '@ant-design/icons';
import { AREAS, type TTaskFilter as Filters, type TArea, type TTaskStatus, type TUnit } from '@contract';
import { Flex, Input, Select } from 'antd';
import { areaLabel } from '../app/format';
import { useT } from '../app/i18n';
import { STATUS_ORDER } from '../app/status';

interface Props {
  value: Filters;
  onChange: (value: Filters) => void;
  units: TUnit[];
}

export function TaskFilters({ value, onChange, units }: Props) {
  const t = useT();
  return (
    <Flex gap={8} wrap data-testid="task-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('ui.tasks.searchPlaceholder')}
        aria-label={t('ui.tasks.search')}
        value={value.q ?? ''}
        onChange={(e) => onChange({ ...value, q: e.target.value })}
        style={{ flex: '1 1 260px', minWidth: 200 }}
        data-testid="task-search"
      />
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ui.tasks.filterUnit')}
        aria-label={t('ui.tasks.filterUnit')}
        value={value.unitId}
        onChange={(unitId) => onChange({ ...value, unitId })}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        style={{ flex: '1 1 220px', minWidth: 180 }}
        data-testid="filter-unit"
      />
      <Select<TArea>
        allowClear
        placeholder={t('ui.tasks.filterArea')}
        aria-label={t('ui.tasks.filterArea')}
        value={value.area}
        onChange={(area) => onChange({ ...value, area })}
        options={AREAS.map((a) => ({ value: a, label: areaLabel(t, a) }))}
        style={{ flex: '1 1 220px', minWidth: 180 }}
        popupMatchSelectWidth={false}
        data-testid="filter-area"
      />
      <Select<TTaskStatus>
        allowClear
        placeholder={t('ui.tasks.filterStatus')}
        aria-label={t('ui.tasks.filterStatus')}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={STATUS_ORDER.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={{ flex: '1 1 180px', minWidth: 160 }}
        data-testid="filter-status"
      />
    </Flex>
  );
}
