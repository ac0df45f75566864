/** Communes and wards (xã/phường), the tenants. */
import { z } from 'zod';
import { ZCommuneKind } from './vocabulary';

export const ZCommuneInput = z.object({
  name: z.string().trim().min(1, 'Vui lòng nhập tên xã/phường').max(200),
  kind: ZCommuneKind,
  code: z.string().trim().min(1).max(20),
  dueSoonDays: z.number().int().min(1).max(60).optional(),
});
export type TCommuneInput = z.infer<typeof ZCommuneInput>;

export const ZCommuneUpdate = ZCommuneInput.partial();
export type TCommuneUpdate = z.infer<typeof ZCommuneUpdate>;

export const ZCommune = z.object({
  id: z.number(),
  cityId: z.number(),
  cityName: z.string(),
  name: z.string(),
  kind: ZCommuneKind,
  code: z.string(),
  /** How many days ahead a deadline counts as "sắp đến hạn". */
  dueSoonDays: z.number(),
  /** May change the commune's name, code, "due soon" days. */
  canEdit: z.boolean(),
  /** May define plans and tasks, and assign city tasks. */
  canManage: z.boolean(),
  /** May import a plan document. */
  canImport: z.boolean(),
  /** May add and edit units and their other names. */
  canManageUnits: z.boolean(),
  /** May add and edit the commune's user accounts. */
  canManageUsers: z.boolean(),
});
export type TCommune = z.infer<typeof ZCommune>;

export const ZCommuneList = z.array(ZCommune);
