import type { Db } from '../../db/database.ts'

// STUB — loads Leping's divisions, boundary and rivers when missing.
export async function seedLeping(_db: Db): Promise<void> {}
