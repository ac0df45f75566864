import { PlusOutlined } from '@ant-design/icons';
import type { TUnit } from '@contract';
import { Button, Flex, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNotify } from '../app/feedback';
import { useT } from '../app/i18n';
import { useAddAlias, useRemoveAlias } from './queries';

/** The other names documents use for a unit ("VH-XH", "Phòng VHXH"…), so imports map them to it. */
export function UnitAliases({ unit }: { unit: TUnit }) {
  const t = useT();
  const notify = useNotify();
  const add = useAddAlias();
  const remove = useRemoveAlias();
  const [text, setText] = useState('');
  const submit = () => add.mutate({ unitId: unit.id, alias: text.trim() }, { onSuccess: () => setText(''), onError: notify.error });
  return (
    <Flex gap={6} wrap align="center" data-testid="unit-aliases">
      {unit.aliases.map((alias) => (
        <Tag
          key={alias.id}
          closable={unit.canEdit && { 'aria-label': t('ui.units.removeAlias', { alias: alias.alias }) }}
          onClose={(e) => {
            e.preventDefault();
            remove.mutate(alias.id, { onError: notify.error });
          }}
          data-testid="unit-alias"
        >
          {alias.alias}
        </Tag>
      ))}
      {unit.canEdit && (
        <Space.Compact size="small">
          <Input
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => text.trim() && submit()}
            placeholder={t('ui.units.newAlias')}
            aria-label={t('ui.units.newAlias')}
            style={{ width: 160 }}
            data-testid="unit-alias-input"
          />
          <Button icon={<PlusOutlined />} onClick={submit} disabled={!text.trim()} loading={add.isPending} aria-label={t('ui.units.addAlias')} data-testid="unit-alias-add" />
        </Space.Compact>
      )}
    </Flex>
  );
}
