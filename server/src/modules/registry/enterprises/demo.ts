import type { Db } from '../../../db/database.ts'

// STUB — deterministic Leping demo data for registry/enterprises.
export async function seedEnterpriseDemo(_db: Db): Promise<void> {}
