import { z } from 'zod';
import { ZIsoDate } from '../http/schemas';

export const ZTarget = z.object({
  text: z.string().trim().min(1).max(2000),
  comparator: z.enum(['>=', '<=', '=', '>', '<']).nullable(),
  value: z.number().nullable(),
  unit: z.string().max(30).nullable(),
});

export const ZPlanInput = z.object({
  communeId: z.number().int().positive(),
  kind: z.enum(['annual', 'half_year', 'thematic', 'inspection']),
  title: z.string().trim().min(1, 'Vui lòng nhập tên kế hoạch').max(500, 'Tên kế hoạch tối đa 500 ký tự'),
  number: z.string().trim().max(60).nullable().optional(),
  issuer: z.string().trim().max(300).nullable().optional(),
  issueDate: ZIsoDate.nullable().optional(),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  status: z.enum(['draft', 'issued', 'closed']).optional(),
  reportingRegime: z.string().max(5000).nullable().optional(),
  targets: z.array(ZTarget).max(100).optional(),
});

export const ZPlanUpdate = ZPlanInput.omit({ communeId: true }).partial();
