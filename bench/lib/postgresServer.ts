import pg from 'pg'

/** The PostgreSQL server the benchmarks use for their scratch databases. */
export const adminUrl = process.env.YINGJI_BENCH_DATABASE_URL ?? process.env.YINGJI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** `null` when the server answers, otherwise why not (the bench then skips its server cases). */
export async function serverReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 })
  try {
    await client.connect()
    return null
  } catch (error) {
    return (error as Error).message
  } finally {
    await client.end().catch(() => {})
  }
}

/** One statement on the admin connection (CREATE/DROP DATABASE). */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** The URL of a database on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}
