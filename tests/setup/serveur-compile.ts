import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { construireServeur } from '../../scripts/assurer-serveur.ts'

const RACINE = resolve(import.meta.dirname, '../..')

/**
 * The server compiled as `npm start` runs it (scripts/assurer-serveur.ts), into a folder of its own under dist/ (its
 * packages resolve from the project's node_modules): test files running at once do not share one.
 */
export async function serveurCompile(nom: string): Promise<{ main: string; supprimer: () => void }> {
  const dossier = join(RACINE, 'dist', `serveur-${nom}-${process.pid}`)
  await construireServeur(dossier)
  return { main: join(dossier, 'main.js'), supprimer: () => rmSync(dossier, { recursive: true, force: true }) }
}
