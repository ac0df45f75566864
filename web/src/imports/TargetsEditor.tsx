/** The plan's targets (chỉ tiêu): text, and comparator, value and unit ready to be measured. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { COMPARATORS, type TComparator, type TTargetInput } from '@contract';
import { Button, Input, InputNumber, Select } from 'antd';
import { useT } from '../app/i18n';
import { newKey } from './model';

export type TargetRow = TTargetInput & { key: string };

const COMPARATOR_LABEL: Record<TComparator, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

export function TargetsEditor({ targets, onChange }: { targets: TargetRow[]; onChange: (targets: TargetRow[]) => void }) {
  const t = useT();
  const set = (key: string, patch: Partial<TargetRow>) => onChange(targets.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  return (
    <div className="review-targets" data-testid="import-targets">
      {targets.length === 0 && <div className="muted">{t('ui.import.noTargets')}</div>}
      {targets.map((target) => (
        <div key={target.key} className="review-target" data-testid="import-target">
          <Input.TextArea
            className="review-target-text"
            rows={2}
            aria-label={t('ui.import.target.text')}
            placeholder={t('ui.import.target.text')}
            value={target.text}
            onChange={(e) => set(target.key, { text: e.target.value })}
          />
          <div className="review-target-measure">
            <Select<TComparator | null>
              aria-label={t('ui.import.target.comparator')}
              placeholder={t('ui.import.target.comparator')}
              allowClear
              style={{ width: 76 }}
              value={target.comparator ?? undefined}
              onChange={(comparator) => set(target.key, { comparator: comparator ?? null })}
              options={COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_LABEL[c] }))}
            />
            <InputNumber<number>
              aria-label={t('ui.import.target.value')}
              placeholder={t('ui.import.target.value')}
              style={{ width: 110 }}
              value={target.value}
              onChange={(value) => set(target.key, { value: value ?? null })}
            />
            <Input
              aria-label={t('ui.import.target.unit')}
              placeholder={t('ui.import.target.unit')}
              maxLength={30}
              style={{ width: 110 }}
              value={target.unit ?? ''}
              onChange={(e) => set(target.key, { unit: e.target.value.trim() ? e.target.value : null })}
            />
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('ui.delete')} onClick={() => onChange(targets.filter((x) => x.key !== target.key))} />
          </div>
        </div>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...targets, { key: newKey(), text: '', comparator: null, value: null, unit: null }])}>
        {t('ui.import.target.add')}
      </Button>
    </div>
  );
}
