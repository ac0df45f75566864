/** Communes and wards (xã/phường), the tenants. */
import { z } from 'zod';
import { zInt, zKeyedName } from './common';
import { ZCommuneKind } from './vocabulary';

export const ZCommuneInput = z.object({
  name: zKeyedName(200, { min: 1, minMessage: 'Vui lòng nhập tên xã/phường' }),
  kind: ZCommuneKind,
  code: zKeyedName(20, { min: 1 }),
  dueSoonDays: zInt(1, 60).optional(),
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
