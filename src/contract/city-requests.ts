/** Requests from the city to a commune (đôn đốc), open until the commune answers (issue 11). */
import { z } from 'zod';
import { ZPersonRef, ZTimestamp, zIdParam, zText } from './common';

export const ZCityRequestInput = z.object({
  communeId: z.number().int().positive(),
  /** The late task it is about; leave both out for the commune's work as a whole. */
  taskId: z.number().int().positive().optional(),
  /** The commune report's period it is about (late or missing report). */
  periodId: z.number().int().positive().optional(),
  message: zText(2000, { min: 1, minMessage: 'Vui lòng nhập nội dung đôn đốc', maxMessage: 'Nội dung tối đa 2000 ký tự' }),
});
export type TCityRequestInput = z.infer<typeof ZCityRequestInput>;

export const ZCityRequestAnswerInput = z.object({
  answer: zText(2000, { min: 1, minMessage: 'Vui lòng nhập nội dung trả lời', maxMessage: 'Nội dung tối đa 2000 ký tự' }),
});
export type TCityRequestAnswerInput = z.infer<typeof ZCityRequestAnswerInput>;

export const ZCityRequestParams = z.object({ communeId: zIdParam(), id: zIdParam() });

export const ZCityRequestQuery = z.object({
  taskId: zIdParam().optional(),
  periodId: zIdParam().optional(),
  /** 'true': only requests not yet answered. */
  open: z.enum(['true', 'false']).optional(),
});

export const ZCityRequest = z.object({
  id: z.number(),
  communeId: z.number(),
  taskId: z.number().nullable(),
  periodId: z.number().nullable(),
  message: z.string(),
  sentAt: ZTimestamp,
  sentBy: ZPersonRef,
  status: z.enum(['open', 'answered']),
  answer: z.string().nullable(),
  answeredAt: ZTimestamp.nullable(),
  answeredBy: ZPersonRef.nullable(),
  /** The signed-in person may answer it (the commune's coordinator or leader, while open). */
  canAnswer: z.boolean(),
});
export type TCityRequest = z.infer<typeof ZCityRequest>;

export const ZCityRequestList = z.object({ items: z.array(ZCityRequest) });
export type TCityRequestList = z.infer<typeof ZCityRequestList>;
