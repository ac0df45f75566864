import { z } from 'zod';
import { STATUSES } from '../../domain/status';
import { ZIsoDate } from '../http/schemas';

const ZUnitIds = z.array(z.number().int().positive()).max(50);

export const ZTaskInput = z.object({
  area: z.number().int().min(1, 'Lĩnh vực từ I đến VII').max(7, 'Lĩnh vực từ I đến VII'),
  number: z.number().int().min(1).max(10_000).nullable().optional(),
  content: z.string().trim().min(1, 'Vui lòng nhập nội dung nhiệm vụ').max(5000, 'Nội dung nhiệm vụ tối đa 5000 ký tự'),
  leadUnitIds: ZUnitIds.min(1, 'Chọn ít nhất một cơ quan chủ trì'),
  coordinatorUnitIds: ZUnitIds.default([]),
  timeframeText: z.string().trim().max(1000, 'Thời gian thực hiện tối đa 1000 ký tự').default(''),
  product: z.string().trim().max(3000, 'Sản phẩm tối đa 3000 ký tự').optional(),
  assigneeIds: z.array(z.number().int().positive()).max(50).optional(),
  dueOverride: ZIsoDate.nullable().optional(),
});

export const ZTaskUpdate = ZTaskInput.partial().extend({ version: z.number().int().positive() });

export const ZCityTaskInput = ZTaskInput.extend({
  communeId: z.number().int().positive(),
  origin: z.literal('city_assigned').default('city_assigned'),
  sourceDocument: z.string().trim().min(1, 'Vui lòng nhập văn bản giao nhiệm vụ').max(500),
  year: z.number().int().min(2000).max(2100).optional(),
});

export const ZTaskFilter = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  area: z.coerce.number().int().min(1).max(7).optional(),
  status: z.enum(STATUSES).optional(),
  q: z.string().max(200).optional(),
  asOf: ZIsoDate.optional(),
});

export const ZProgressInput = z.object({
  progress: z.number().int().min(0, 'Tiến độ từ 0 đến 100').max(100, 'Tiến độ từ 0 đến 100'),
  note: z.string().trim().max(5000).optional(),
  done: z.boolean().optional(),
  /** Omitted: the day of the report. An earlier day needs a coordinator or leader and `doneAtReason`. */
  doneAt: ZIsoDate.optional(),
  doneAtReason: z.string().trim().max(1000, 'Lý do tối đa 1000 ký tự').optional(),
  occurrence: ZIsoDate.optional(),
});
