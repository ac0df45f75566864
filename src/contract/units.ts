/** A commune's units (cơ quan, đơn vị) and the other names documents give them. */
import { z } from 'zod';
import { zKeyedName, zText } from './common';
import { ZUnitKind } from './vocabulary';

export const ZUnitInput = z.object({
  name: zKeyedName(300, { min: 1, minMessage: 'Vui lòng nhập tên đơn vị' }),
  shortName: zText(100).nullable().optional(),
  kind: ZUnitKind.optional(),
  isCoordinator: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type TUnitInput = z.infer<typeof ZUnitInput>;

export const ZUnitUpdate = ZUnitInput.partial();
export type TUnitUpdate = z.infer<typeof ZUnitUpdate>;

export const ZAliasInput = z.object({ alias: zKeyedName(300, { min: 1 }) });
export type TAliasInput = z.infer<typeof ZAliasInput>;

export const ZUnitAlias = z.object({ id: z.number(), alias: z.string() });
export type TUnitAlias = z.infer<typeof ZUnitAlias>;

export const ZUnit = z.object({
  id: z.number(),
  communeId: z.number(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: ZUnitKind,
  /** The unit of the CCHC coordinator (Phòng Văn hóa - Xã hội). */
  isCoordinator: z.boolean(),
  active: z.boolean(),
  aliases: z.array(ZUnitAlias),
  /** May edit the unit and add or remove its other names. */
  canEdit: z.boolean(),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitList = z.array(ZUnit);
