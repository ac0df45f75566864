import { z } from 'zod';
import { zText } from '../http/schemas';

export const ZLoginBody = z.object({
  username: zText(60, { min: 1, minMessage: 'Vui lòng nhập tên đăng nhập' }),
  password: zText(200, { min: 1, minMessage: 'Vui lòng nhập mật khẩu', trim: false }),
});

export const ZSessionUser = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  role: z.enum(['admin', 'leader', 'coordinator', 'unit_head', 'unit_staff', 'inspector', 'city_reviewer']),
  cityId: z.number(),
  communeId: z.number().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  communeName: z.string().nullable(),
});

export const ZUserEnvelope = z.object({ user: ZSessionUser });
