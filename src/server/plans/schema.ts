import { z } from 'zod';
import { zId, ZIsoDate, zText } from '../http/schemas';

export const ZTarget = z.object({
  text: zText(2000, { min: 1 }),
  comparator: z.enum(['>=', '<=', '=', '>', '<']).nullable(),
  value: z.number().min(-1e12).max(1e12).nullable(),
  unit: zText(30).nullable(),
});

export const ZPlanInput = z.object({
  communeId: zId(),
  kind: z.enum(['annual', 'half_year', 'thematic', 'inspection']),
  title: zText(500, { min: 1, minMessage: 'Vui lòng nhập tên kế hoạch', maxMessage: 'Tên kế hoạch tối đa 500 ký tự' }),
  number: zText(60).nullable().optional(),
  issuer: zText(300).nullable().optional(),
  issueDate: ZIsoDate.nullable().optional(),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  status: z.enum(['draft', 'issued', 'closed']).optional(),
  reportingRegime: zText(5000, { trim: false }).nullable().optional(),
  targets: z.array(ZTarget).max(100).optional(),
});

export const ZPlanUpdate = ZPlanInput.omit({ communeId: true }).partial();
