/** Signing in and out; who is signed in and what they may do across communes. */
import { z } from 'zod';
import { zText } from './common';
import { ZPerson } from './users';

export const ZLoginBody = z.object({
  username: zText(60, { min: 1, minMessage: 'Vui lòng nhập tên đăng nhập' }),
  password: zText(200, { min: 1, minMessage: 'Vui lòng nhập mật khẩu', trim: false }),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;

export const ZSessionUser = ZPerson.extend({
  unitName: z.string().nullable(),
  communeName: z.string().nullable(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

/**
 * What the person may do beyond one commune's objects (which carry their own `can…` flags):
 * the interface shows a menu entry only when its flag is true; the server checks again.
 */
export const ZUserRights = z.object({
  /** Add and edit communes, edit the national working calendar. */
  canManageCity: z.boolean(),
  /** Administer units and user accounts (of the commune, or of every commune for the city's administrator). */
  canAdminister: z.boolean(),
  /** Import plan documents and define plans and tasks (in at least one commune). */
  canManagePlans: z.boolean(),
  canSeeAudit: z.boolean(),
  /** Every commune side by side (the city's reviewers and administrators): their landing page. */
  canSeeCityOverview: z.boolean(),
});
export type TUserRights = z.infer<typeof ZUserRights>;

export const ZChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Vui lòng nhập mật khẩu hiện tại').max(200),
  newPassword: z.string().min(1, 'Vui lòng nhập mật khẩu mới').max(200, 'Mật khẩu tối đa 200 ký tự'),
});
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBody>;

export const ZUserEnvelope = z.object({ user: ZSessionUser, can: ZUserRights });
export type TUserEnvelope = z.infer<typeof ZUserEnvelope>;
