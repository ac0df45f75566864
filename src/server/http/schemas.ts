/** Request pieces every capability's schema uses. */
import { z } from 'zod';

export const ZId = z.object({ id: z.coerce.number().int().positive() });

/** An ISO date that really exists on the calendar ("2026-02-30" is refused). */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'Ngày không tồn tại');
