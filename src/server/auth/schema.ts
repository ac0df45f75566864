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
  /** The web app shows only the change-password screen while this is true. */
  mustChangePassword: z.boolean(),
});

export const ZChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Vui lòng nhập mật khẩu hiện tại').max(200),
  newPassword: z.string().min(1, 'Vui lòng nhập mật khẩu mới').max(200, 'Mật khẩu tối đa 200 ký tự'),
});

export const ZUserEnvelope = z.object({ user: ZSessionUser });
