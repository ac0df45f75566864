/** Signing in and out; who is signed in and what they may do across communes. */
import { z } from 'zod';
import { ZRole } from './vocabulary';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập').max(60),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;

export const ZSessionUser = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  role: ZRole,
  cityId: z.number(),
  /** null for city-level users: city reviewers and city administrators. */
  communeId: z.number().nullable(),
  unitId: z.number().nullable(),
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
});
export type TUserRights = z.infer<typeof ZUserRights>;

export const ZUserEnvelope = z.object({ user: ZSessionUser, can: ZUserRights });
export type TUserEnvelope = z.infer<typeof ZUserEnvelope>;
