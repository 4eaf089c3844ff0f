import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { describe, expect, it } from 'vitest'

const RACINE = join(import.meta.dirname, '../..')
/** Folders that are not the project's own text: installed packages, builds, git, local databases and artefacts. */
const HORS_PROJET = new Set(['node_modules', '.git', 'dist', 'artefacts'])
const BINAIRE = /\.(gz|sqlite|sqlite-\w+|png|jpe?g|pbf|woff2?)$/

function fichiersTexte(dossier: string): string[] {
  return readdirSync(join(RACINE, dossier), { withFileTypes: true }).flatMap((e) => {
    const chemin = posix.join(dossier, e.name)
    if (e.isDirectory()) return HORS_PROJET.has(e.name) ? [] : fichiersTexte(chemin)
    return BINAIRE.test(e.name) ? [] : [chemin]
  })
}

describe('a project that runs on its own', () => {
  it('names no folder outside itself where the data was once staged: code, tests, CI and docs read data/sources', () => {
    // Built from pieces so that this file does not name it either
    const dossierExterne = ['..', 'shared'].join('/')
    const interdits = [dossierExterne, ['', 'work', 'shared'].join('/'), ['shared', 'data'].join('/')]
    const fautifs = fichiersTexte('.').filter((f) => {
      const texte = readFileSync(join(RACINE, f), 'utf8')
      return interdits.some((m) => texte.includes(m))
    })
    expect(fautifs).toEqual([])
  })
})
