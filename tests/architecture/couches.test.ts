import { readdirSync, readFileSync } from 'node:fs'
import { join, posix, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The layers of STYLE.md, checked on every import of the code:
 * scripts/import -> data -> server/db -> server/spatial -> server/routes -> client.
 * (dependency-cruiser cannot parse this TypeScript here: TypeScript 7 has no JavaScript API, and its swc
 * parser fails on .tsx; these rules are the ones its configuration would hold.)
 */
const RACINE = resolve(import.meta.dirname, '../..')

type Import = { depuis: string; vers: string; typeSeul: boolean; ligne: number }

function fichiers(dossier: string): string[] {
  return readdirSync(join(RACINE, dossier), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fichiers(posix.join(dossier, e.name)) : /\.tsx?$/.test(e.name) ? [posix.join(dossier, e.name)] : [])
}

/** Every static import and re-export of a file, resolved to a repository path or kept as a package name. */
function imports(fichier: string): Import[] {
  const texte = readFileSync(join(RACINE, fichier), 'utf8')
  const resultat: Import[] = []
  const motif = /^(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm
  for (const m of texte.matchAll(motif)) {
    const cible = m[3] ?? m[4]!
    const vers = cible.startsWith('.') ? posix.normalize(posix.join(posix.dirname(fichier), cible)) : cible
    resultat.push({ depuis: fichier, vers, typeSeul: m[2] !== undefined, ligne: texte.slice(0, m.index).split('\n').length })
  }
  return resultat
}

const TOUS = ['server', 'client', 'scripts'].flatMap(fichiers).flatMap(imports)
const paquet = (vers: string) => (vers.startsWith('@') ? vers.split('/').slice(0, 2).join('/') : vers.split('/')[0]!)
const enfreint = (depuis: RegExp, interdit: (i: Import) => boolean) =>
  TOUS.filter((i) => depuis.test(i.depuis) && interdit(i)).map((i) => `${i.depuis}:${i.ligne} → ${i.vers}`)

describe('the layers of the code (STYLE.md)', () => {
  it('reads the imports of every file', () => {
    expect(TOUS.length).toBeGreaterThan(300)
    expect(TOUS.some((i) => i.depuis === 'server/app.ts' && i.vers === 'server/routes/couverture.ts')).toBe(true)
  })

  it('keeps server/domain pure: it imports nothing outside itself', () => {
    expect(enfreint(/^server\/domain\//, (i) => !i.vers.startsWith('server/domain/'))).toEqual([])
  })

  it('keeps SQLite and HTTP out of server/spatial: only the domain, the static indexes and the MCLP solver', () => {
    const permis = new Set(['kdbush', 'flatbush', 'geokdbush', 'highs'])
    expect(enfreint(/^server\/spatial\//, (i) =>
      !i.typeSeul && !i.vers.startsWith('server/spatial/') && !i.vers.startsWith('server/domain/') && !i.vers.startsWith('node:') && !permis.has(paquet(i.vers)))).toEqual([])
  })

  it('keeps HTTP out of server/db: only the domain, better-sqlite3, pg (the accounts store on PostgreSQL) and the project\'s folder', () => {
    const permis = new Set(['better-sqlite3', 'pg'])
    // server/racine.ts imports only node:fs and node:path: where the accounts' migrations are read from, compiled or not.
    expect(enfreint(/^server\/db\//, (i) =>
      !i.typeSeul && !i.vers.startsWith('server/db/') && !i.vers.startsWith('server/domain/') && i.vers !== 'server/racine.ts' &&
      !i.vers.startsWith('node:') && !permis.has(paquet(i.vers)))).toEqual([])
  })

  it('keeps the answer schemas (server/contrat) on zod and the domain only, so that both sides can take them', () => {
    expect(enfreint(/^server\/contrat\//, (i) => !i.vers.startsWith('server/contrat/') && !i.vers.startsWith('server/domain/') && i.vers !== 'zod')).toEqual([])
  })

  it('lets the import scripts reuse domain, db and spatial, never the HTTP layer', () => {
    expect(enfreint(/^scripts\//, (i) => /^server\/(routes|securite|comptes|tuiles)\/|^server\/(app|main)\.ts$/.test(i.vers))).toEqual([])
  })

  it('takes from the server into the client bundle only the pure domain (its constants and rules); types from anywhere', () => {
    // server/domain imports nothing outside itself (first rule): bundling it brings no server code, and the client's
    // catégories, labels and planning limits are the server's own instead of copies.
    expect(enfreint(/^client\//, (i) => /^(server|scripts)\//.test(i.vers) && !i.typeSeul && !i.vers.startsWith('server/domain/'))).toEqual([])
  })

  it('lets map layers and charts draw what they are given, without fetching', () => {
    expect(enfreint(/^client\/(map\/layers|charts)\//, (i) => /^client\/api\/(client|queries\/)/.test(i.vers))).toEqual([])
  })
})
