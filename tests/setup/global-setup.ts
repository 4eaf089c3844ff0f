import { resolve } from 'node:path'
import { assurerBase } from '../../scripts/assurer-base.ts'
import { assurerClient } from '../../scripts/assurer-client.ts'
import { dossierSources } from '../../scripts/lib/sources.ts'

/**
 * Integration, API and browser tests run on the real national database and the built client:
 * build each once if it is missing or stale.
 */
export default function setup(): void {
  assurerBase(dossierSources(), resolve(import.meta.dirname, '../../data/maillage.sqlite'))
  assurerClient(resolve(import.meta.dirname, '../../dist/client'))
}
