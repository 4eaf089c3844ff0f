import { resolve } from 'node:path'
import { assurerBase } from '../../scripts/assurer-base.ts'
import { assurerClient } from '../../scripts/assurer-client.ts'
import { assurerServeur } from '../../scripts/assurer-serveur.ts'
import { dossierSources } from '../../scripts/lib/sources.ts'

/**
 * Integration, API and browser tests run on the real national database, the built client and the server compiled as
 * `npm start` runs it: build each once if it is missing or stale, before any test file starts one.
 */
export default async function setup(): Promise<void> {
  assurerBase(dossierSources(), resolve(import.meta.dirname, '../../data/maillage.sqlite'))
  assurerClient(resolve(import.meta.dirname, '../../dist/client'))
  await assurerServeur(resolve(import.meta.dirname, '../../dist/serveur'))
}
