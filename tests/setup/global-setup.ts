import { resolve } from 'node:path'
import { assurerBase } from '../../scripts/assurer-base.ts'
import { dossierSources } from '../../scripts/lib/sources.ts'

/** Integration, API and browser tests run on the real national database: build it once if it is missing or stale. */
export default function setup(): void {
  assurerBase(dossierSources(), resolve(import.meta.dirname, '../../data/maillage.sqlite'))
}
