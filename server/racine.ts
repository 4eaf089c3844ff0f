import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The project's folder, the first one up that holds package.json: this file runs from server/ (TypeScript sources,
 * through tsx: tests, benches) or from dist/serveur/ (the compiled server of `npm start`), both below it.
 * @throws Error when no folder up holds a package.json (a server copied out of its project).
 */
export const RACINE = racineDepuis(import.meta.dirname)

function racineDepuis(dossier: string): string {
  for (let d = dossier; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d
    if (dirname(d) === d) throw new Error(`Maillage : aucun package.json au-dessus de ${dossier}`)
  }
}

/**
 * Whether this code runs compiled (dist/serveur, scripts/assurer-serveur.ts) rather than from its TypeScript
 * sources: a bundle's modules end in .js.
 */
export const COMPILE = !import.meta.url.endsWith('.ts')

/**
 * The file a worker thread starts from. Compiled: the bundle's entry `nom`.js, beside this code. From the sources:
 * `source`, an .mjs that registers tsx (a worker thread does not inherit its parent's loader in Node 20) and
 * imports the TypeScript.
 */
export const entreeFil = (source: URL, nom: string): URL => (COMPILE ? new URL(`./${nom}.js`, import.meta.url) : source)
