import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { demarrerMiroir, type Miroir } from './miroir.ts'
import { copieSourcesMini, FIXTURE, manifestPour } from './sources.ts'
import { lireManifestComplet } from '../../../scripts/lib/sources.ts'

/** A temporary bundle (the mini sources and their manifest) and a mirror serving another folder of files. */
export type BancMaj = Readonly<{
  dossier: string
  cheminManifest: string
  /** What the mirror serves: a copy of the mini sources, plain, that a test may change. */
  dossierMiroir: string
  miroir: Miroir
  /** sha256 of the manifest and of every file of the bundle, by name: equal before and after means untouched. */
  empreintes: () => Map<string, string>
  fermer: () => Promise<void>
}>

export async function preparerBancMaj(): Promise<BancMaj> {
  const dossier = copieSourcesMini()
  const cheminManifest = join(dirname(dossier), 'sources.json')
  const { description } = lireManifestComplet()
  writeFileSync(cheminManifest, `${JSON.stringify({ description, sources: manifestPour(dossier) }, null, 2)}\n`)
  const dossierMiroir = join(mkdtempSync(join(tmpdir(), 'maillage-miroir-')), 'fichiers')
  cpSync(FIXTURE, dossierMiroir, { recursive: true })
  const miroir = await demarrerMiroir(dossierMiroir)
  const sha256 = (chemin: string) => createHash('sha256').update(readFileSync(chemin)).digest('hex')
  return {
    dossier,
    cheminManifest,
    dossierMiroir,
    miroir,
    empreintes: () => new Map([
      ['sources.json', sha256(cheminManifest)],
      ...readdirSync(dossier, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
        .map((e): [string, string] => [join(e.parentPath, e.name).slice(dossier.length + 1), sha256(join(e.parentPath, e.name))]),
    ]),
    fermer: async () => {
      await miroir.fermer()
      rmSync(dirname(dossier), { recursive: true, force: true })
      rmSync(dirname(dossierMiroir), { recursive: true, force: true })
    },
  }
}
