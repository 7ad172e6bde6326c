import { sql } from 'drizzle-orm'
import { describe, expect, inject, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { openDatabase } from './database.ts'
import { queryRows } from './rows.ts'

// The embedded database's page cache (YINGJI_DB_SHARED_BUFFERS); the server's is the server's own.
describe.skipIf(inject('dbMode') === 'postgres')('embedded database settings', () => {
  it('reads YINGJI_DB_SHARED_BUFFERS and starts PGlite with that page cache', async () => {
    const config = loadConfig({ YINGJI_DB_SHARED_BUFFERS: '192MB' })
    expect(config.embeddedSharedBuffers).toBe('192MB')
    const database = await openDatabase({ sharedBuffers: config.embeddedSharedBuffers })
    try {
      const [row] = await queryRows<{ shared_buffers: string }>(database.db, sql`SHOW shared_buffers`)
      expect(row?.shared_buffers).toBe('192MB')
    } finally {
      await database.close()
    }
  })

  it.each(['512', '512 MB', '0MB', '1TB', '-1GB'])('refuses the size %j, naming the setting', async (size) => {
    await expect(openDatabase({ sharedBuffers: size })).rejects.toThrow(/YINGJI_DB_SHARED_BUFFERS/)
  })
})
