/** User accounts, as administrators manage them. */
import { z } from 'zod';
import { ZCommuneIdQuery, zId, zKeyedName, zText } from './common';
import { ZRole } from './vocabulary';

// Length, strength and "not the username" are checked by the server's password policy, with Vietnamese reasons.
export const ZPassword = zText(200, { trim: false, maxMessage: 'Mật khẩu tối đa 200 ký tự' });

export const ZUserCreate = z.object({
  username: zKeyedName(60, { min: 3, minMessage: 'Tên đăng nhập cần ít nhất 3 ký tự' }).regex(
    /^[a-zA-Z0-9._-]+$/,
    'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang',
  ),
  fullName: zText(200, { min: 1, minMessage: 'Vui lòng nhập họ tên' }),
  title: zText(200).nullable().optional(),
  role: ZRole,
  communeId: zId().nullable().optional(),
  unitId: zId().nullable().optional(),
  password: ZPassword,
  /** The user must pick a new password at the next sign-in. */
  mustChangePassword: z.boolean().optional(),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = ZUserCreate.omit({ username: true, password: true }).partial().extend({ active: z.boolean().optional() });
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZPasswordInput = z.object({ password: ZPassword, mustChangePassword: z.boolean().optional() });
export type TPasswordInput = z.infer<typeof ZPasswordInput>;

export const ZUserQuery = ZCommuneIdQuery;

/** Who a person is and where they sit: shared by the signed-in user and the administrators' list. */
export const ZPerson = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  role: ZRole,
  cityId: z.number(),
  /** null for city-level users: city reviewers and city administrators. */
  communeId: z.number().nullable(),
  unitId: z.number().nullable(),
  /** The web app shows only the change-password screen while this is true. */
  mustChangePassword: z.boolean(),
});

/** A user as administrators see it (never the password hash). */
export const ZUser = ZPerson.extend({ active: z.boolean() });
export type TUser = z.infer<typeof ZUser>;

export const ZUserList = z.array(ZUser);
