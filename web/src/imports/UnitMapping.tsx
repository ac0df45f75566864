/** How each unit name written in the document maps to the commune's units: one readable line per name. */
import type { TUnitKind } from '@contract';
import { Select } from 'antd';
import { useT } from '../app/i18n';
import type { MappingChoice } from './types';

const UNIT_KINDS: TUnitKind[] = ['internal', 'catch_all', 'outside'];

export interface UnitMappingProps {
  names: string[];
  choiceOf: (name: string) => MappingChoice;
  unitOptions: { value: number; label: string }[];
  onChange: (name: string, patch: Partial<MappingChoice>) => void;
}

export function UnitMapping({ names, choiceOf, unitOptions, onChange }: UnitMappingProps) {
  const t = useT();
  return (
    <div className="review-mapping">
      <div className="review-mapping-head">
        <span>{t('ui.import.mapping.name')}</span>
        <span>{t('ui.import.mapping.action')}</span>
        <span>{t('ui.import.mapping.unit')}</span>
      </div>
      {names.map((name) => {
        const choice = choiceOf(name);
        return (
          <div key={name} className={choice.unknown ? 'review-mapping-row is-unknown' : 'review-mapping-row'} data-testid="import-mapping-row">
            <div className="review-mapping-name">
              {name}
              {choice.unknown && <span className="review-badge">{t('ui.import.mapping.unknown')}</span>}
            </div>
            <Select
              aria-label={t('ui.import.mapping.action')}
              value={choice.mode}
              onChange={(mode) => onChange(name, { mode })}
              options={[
                { value: 'use', label: t('ui.import.mapping.use') },
                { value: 'alias', label: t('ui.import.mapping.alias') },
                { value: 'new', label: t('ui.import.mapping.new') },
              ]}
            />
            {choice.mode === 'new' ? (
              <Select
                aria-label={t('ui.import.mapping.kind')}
                value={choice.newUnitKind}
                onChange={(newUnitKind) => onChange(name, { newUnitKind })}
                options={UNIT_KINDS.map((k) => ({ value: k, label: t(`ui.import.unitKind.${k}`) }))}
              />
            ) : (
              <Select
                aria-label={t('ui.import.mapping.unit')}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('ui.import.mapping.choose')}
                value={choice.unitId ?? undefined}
                status={choice.unitId ? undefined : 'error'}
                onChange={(unitId) => onChange(name, { unitId, unknown: false })}
                options={unitOptions}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
