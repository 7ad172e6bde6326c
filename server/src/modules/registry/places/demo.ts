import type { Db } from '../../../db/database.ts'

// STUB — deterministic Leping demo data for registry/places.
export async function seedPlacesDemo(_db: Db): Promise<void> {}
