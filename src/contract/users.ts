/** User accounts, as administrators manage them. */
import { z } from 'zod';
import { ZCommuneIdQuery } from './common';
import { ZRole } from './vocabulary';

export const ZPassword = z.string().min(8, 'Mật khẩu phải có ít nhất 8 ký tự').max(200);

export const ZUserCreate = z.object({
  username: z
    .string()
    .trim()
    .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự')
    .max(60)
    .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang'),
  fullName: z.string().trim().min(1, 'Vui lòng nhập họ tên').max(200),
  title: z.string().trim().max(200).nullable().optional(),
  role: ZRole,
  communeId: z.number().int().positive().nullable().optional(),
  unitId: z.number().int().positive().nullable().optional(),
  password: ZPassword,
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = ZUserCreate.omit({ username: true, password: true }).partial().extend({ active: z.boolean().optional() });
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZPasswordInput = z.object({ password: ZPassword });
export type TPasswordInput = z.infer<typeof ZPasswordInput>;

export const ZUserQuery = ZCommuneIdQuery;

/** A user as administrators see it (never the password hash). */
export const ZUser = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  role: ZRole,
  cityId: z.number(),
  communeId: z.number().nullable(),
  unitId: z.number().nullable(),
  active: z.boolean(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserList = z.array(ZUser);
