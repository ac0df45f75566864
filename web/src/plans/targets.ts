import type { TComparator, TTargetInput } from '@contract';

export const COMPARATOR_SIGN: Record<TComparator, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** "≥ 95 %", "= 100 %", "≥ mức của thành phố"; empty when the target is not measured. */
export function targetMeasure(target: Pick<TTargetInput, 'comparator' | 'value' | 'unit'>): string {
  if (!target.comparator && target.value === null && !target.unit) return '';
  const value = target.value === null ? '' : target.value.toLocaleString('vi-VN');
  return [target.comparator ? COMPARATOR_SIGN[target.comparator] : '', value, target.unit ?? ''].filter(Boolean).join(' ');
}
