import type { TRole } from '../../contract';

/** The signed-in person a service acts for. */
export interface Actor {
  id: number;
  username: string;
  fullName: string;
  role: TRole;
  cityId: number;
  /** null for city-level users: city reviewers and city administrators. */
  communeId: number | null;
  unitId: number | null;
}
