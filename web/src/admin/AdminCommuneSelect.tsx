import { Select } from 'antd';
import { useState } from 'react';
import { useCommune } from '../app/commune';
import { useT } from '../app/i18n';
import { useCommunes } from '../app/reference';

/** Admin pages work on one commune at a time: the current one unless another is picked. */
export function useAdminCommune() {
  const { communeId: current } = useCommune();
  const communes = useCommunes();
  const [picked, setPicked] = useState<number | null>(null);
  const communeId = picked ?? current ?? communes.data?.[0]?.id ?? null;
  return { communeId, setCommuneId: setPicked };
}

/** Stands for "no commune": the city-level people. */
export const CITY_LEVEL = 0;

interface Props {
  value: number | null;
  onChange: (id: number) => void;
  withCityLevel?: boolean;
}

export function AdminCommuneSelect({ value, onChange, withCityLevel = false }: Props) {
  const t = useT();
  const communes = useCommunes();
  const options = (communes.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (withCityLevel) options.unshift({ value: CITY_LEVEL, label: t('ui.users.cityLevel') });
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={onChange}
      options={options}
      style={{ width: 260, maxWidth: '100%' }}
      aria-label={t('ui.header.commune')}
      data-testid="admin-commune"
    />
  );
}
