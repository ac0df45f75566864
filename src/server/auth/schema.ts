import { z } from 'zod';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập').max(60),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200),
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
