import type { Db } from '../../../db/database.ts'
import { seedExpertDemo } from './experts/demo.ts'
import { seedHazardPointDemo } from './hazardPoints/demo.ts'
import { seedRiskPointDemo } from './riskPoints/demo.ts'
import { seedShelterDemo } from './shelters/demo.ts'

/**
 * Deterministic Leping demo data of the place registries, every row synthetic: about 40 risk
 * points, 40 geological hazard points, 30 shelters and 20 experts. Each registry skips itself
 * when its table already holds rows; risk points use the enterprise demo seeded before.
 */
export async function seedPlacesDemo(db: Db): Promise<void> {
  await seedRiskPointDemo(db)
  await seedHazardPointDemo(db)
  await seedShelterDemo(db)
  await seedExpertDemo(db)
}
