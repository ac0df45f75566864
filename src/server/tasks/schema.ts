import { z } from 'zod';
import { STATUSES } from '../../domain/status';
import { zId, zIdParam, zInt, zIntParam, ZIsoDate, zText } from '../http/schemas';

const ZUnitIds = z.array(zId()).max(50);

export const ZTaskInput = z.object({
  area: z.number().int().min(1, 'Lĩnh vực từ I đến VII').max(7, 'Lĩnh vực từ I đến VII'),
  number: zInt(1, 10_000).nullable().optional(),
  content: zText(5000, { min: 1, minMessage: 'Vui lòng nhập nội dung nhiệm vụ', maxMessage: 'Nội dung nhiệm vụ tối đa 5000 ký tự' }),
  leadUnitIds: ZUnitIds.min(1, 'Chọn ít nhất một cơ quan chủ trì'),
  coordinatorUnitIds: ZUnitIds.default([]),
  timeframeText: zText(1000, { maxMessage: 'Thời gian thực hiện tối đa 1000 ký tự' }).default(''),
  product: zText(3000, { maxMessage: 'Sản phẩm tối đa 3000 ký tự' }).optional(),
  assigneeIds: z.array(zId()).max(50).optional(),
  dueOverride: ZIsoDate.nullable().optional(),
});

export const ZTaskUpdate = ZTaskInput.partial().extend({ version: zId() });

export const ZCityTaskInput = ZTaskInput.extend({
  communeId: zId(),
  origin: z.literal('city_assigned').default('city_assigned'),
  sourceDocument: zText(500, { min: 1, minMessage: 'Vui lòng nhập văn bản giao nhiệm vụ' }),
  year: zInt(2000, 2100).optional(),
});

export const ZTaskFilter = z.object({
  unitId: zIdParam().optional(),
  area: zIntParam(1, 7).optional(),
  status: z.enum(STATUSES).optional(),
  q: zText(200, { trim: false }).optional(),
  asOf: ZIsoDate.optional(),
});

export const ZProgressInput = z.object({
  progress: z.number().int().min(0, 'Tiến độ từ 0 đến 100').max(100, 'Tiến độ từ 0 đến 100'),
  version: zId(),
  note: zText(5000).optional(),
  done: z.boolean().optional(),
  /** Omitted: the day of the report. An earlier day needs a coordinator or leader and `doneAtReason`. */
  doneAt: ZIsoDate.optional(),
  doneAtReason: z.string().trim().max(1000, 'Lý do tối đa 1000 ký tự').optional(),
  occurrence: ZIsoDate.optional(),
});
