/** One colour per task status, used by tags, charts and lists alike. */

import type { TTaskStatus } from '@contract';
import { Tag } from 'antd';
import { useT } from './i18n';

interface StatusStyle {
  /** antd preset colour for tags */
  tag: string;
  /** hex for charts */
  hex: string;
}

export const STATUS_STYLE: Record<TTaskStatus, StatusStyle> = {
  qua_han: { tag: 'red', hex: '#d4380d' },
  sap_den_han: { tag: 'orange', hex: '#fa8c16' },
  cho_xac_nhan: { tag: 'cyan', hex: '#08979c' },
  hoan_thanh_dung_han: { tag: 'green', hex: '#389e0d' },
  hoan_thanh_qua_han: { tag: 'gold', hex: '#ad8b00' },
  dang_thuc_hien: { tag: 'blue', hex: '#1677ff' },
  chua_thuc_hien: { tag: 'default', hex: '#8c8c8c' },
  chua_xac_dinh_han: { tag: 'purple', hex: '#722ed1' },
  khong_hoan_thanh: { tag: 'magenta', hex: '#9e1068' },
};

/** The order statuses are listed in filters and charts: what needs attention first. */
export const STATUS_ORDER: readonly TTaskStatus[] = [
  'qua_han',
  'sap_den_han',
  'cho_xac_nhan',
  'dang_thuc_hien',
  'chua_thuc_hien',
  'chua_xac_dinh_han',
  'hoan_thanh_dung_han',
  'hoan_thanh_qua_han',
  'khong_hoan_thanh',
];

export function StatusTag({ status }: { status: TTaskStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_STYLE[status].tag} data-testid="status-tag" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
