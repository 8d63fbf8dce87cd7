// A throwaway PostgreSQL for tests and benches: a fresh cluster in a temp folder, reachable only through a
// Unix socket in that folder, gone when stopped. Debian's `postgresql` package is installed when missing
// (as root); initdb and the server run as the `postgres` user when we are root (PostgreSQL refuses root).
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const DEBIAN_ROOT = '/usr/lib/postgresql'

function binaries(): string {
  const found = () => (existsSync(DEBIAN_ROOT) ? readdirSync(DEBIAN_ROOT).sort().reverse().map((v) => path.join(DEBIAN_ROOT, v, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb'))) : undefined)
  let dir = found()
  if (!dir && process.getuid?.() === 0) {
    console.error('PostgreSQL is missing: installing Debian\'s package (apt-get install postgresql)…')
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    dir = found()
  }
  if (!dir) throw new Error('PostgreSQL is missing. Run: sudo apt-get update && sudo apt-get install -y postgresql')
  return dir
}

export interface PostgresCluster {
  /** A connection URL for one database of the cluster (over its socket). */
  url(database: string): string
  stop(): void
}

export function startThrowawayPostgres(): PostgresCluster {
  const bin = binaries()
  const root = process.getuid?.() === 0
  const dir = mkdtempSync(path.join(tmpdir(), 'ssa-pg-'))
  const data = path.join(dir, 'data')
  if (root) chownSync(dir, uidOf('postgres'), gidOf('postgres'))
  const run = (program: string, args: string[]) => {
    const [command, argv] = root ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args]
    const result = spawnSync(command, argv, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`)
  }
  // C collation: text sorts by code point, as SQLite's does
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
  // no TCP at all; fsync off: a test cluster, thrown away
  const options = `-c listen_addresses='' -c unix_socket_directories='${dir}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start'])
  return {
    url: (database) => `postgresql://postgres@localhost/${database}?host=${encodeURIComponent(dir)}`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

const uidOf = (user: string) => Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim())
const gidOf = (user: string) => Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim())
