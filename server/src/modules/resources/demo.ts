import type { Db } from '../../db/database.ts'

// STUB — deterministic Leping demo depots, stock and teams.
export async function seedResourcesDemo(_db: Db): Promise<void> {}
