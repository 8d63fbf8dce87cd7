// Databases of the throwaway PostgreSQL cluster the integration tests run on (TEST_DATABASE=postgres).
import pg from 'pg'

/** Creates `name` on the cluster `adminUrl` points at, copied from `template` when given. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`)
  } finally {
    await client.end()
  }
}

/** The URL of another database on the same cluster. */
export function sibling(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}
