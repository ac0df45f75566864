/** The columns of a user that may leave the server (never the password hash); sessions read the same. */
import { users } from '../db/schema';

export const publicUserColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  title: users.title,
  role: users.role,
  cityId: users.cityId,
  communeId: users.communeId,
  unitId: users.unitId,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
};
