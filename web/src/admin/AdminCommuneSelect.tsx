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

export function AdminCommuneSelect({ value, onChange }: { value: number | null; onChange: (id: number) => void }) {
  const t = useT();
  const communes = useCommunes();
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={onChange}
      options={(communes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      style={{ width: 260, maxWidth: '100%' }}
      aria-label={t('ui.header.commune')}
      data-testid="admin-commune"
    />
  );
}
