/** How each unit name written in the document maps to the commune's units: one readable line per name. */
import type { TUnitKind } from '@contract';
import { Select } from 'antd';
import { useT } from '../app/i18n';
import type { MappingChoice, MappingMode } from './types';

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
            {/* Native selects for the short fixed lists: a few dozen of them cost next to nothing to show. */}
            <select
              className="review-select"
              aria-label={t('ui.import.mapping.action')}
              value={choice.mode}
              onChange={(e) => onChange(name, { mode: e.target.value as MappingMode })}
            >
              <option value="use">{t('ui.import.mapping.use')}</option>
              <option value="alias">{t('ui.import.mapping.alias')}</option>
              <option value="new">{t('ui.import.mapping.new')}</option>
            </select>
            {choice.mode === 'new' ? (
              <select
                className="review-select"
                aria-label={t('ui.import.mapping.kind')}
                value={choice.newUnitKind}
                onChange={(e) => onChange(name, { newUnitKind: e.target.value as TUnitKind })}
              >
                {UNIT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`ui.import.unitKind.${k}`)}
                  </option>
                ))}
              </select>
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
