import type { Db } from '../../db/database.ts'
import { seedEnterpriseDemo } from './enterprises/demo.ts'
import { seedPlacesDemo } from './places/demo.ts'

/** Leping's demo registries; each part skips itself when its tables already hold data. */
export async function seedRegistryDemo(db: Db): Promise<void> {
  await seedEnterpriseDemo(db)
  await seedPlacesDemo(db)
}
