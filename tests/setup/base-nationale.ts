import { resolve } from 'node:path'

/** The national database built by the global setup from the real sources. */
export const CHEMIN_BASE_NATIONALE = resolve(import.meta.dirname, '../../data/maillage.sqlite')
