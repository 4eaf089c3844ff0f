import type { QueryClient } from '@tanstack/react-query'
import { abonnerImport } from '../client.ts'
import { CLE_COMPTES } from './comptes.ts'

/**
 * When an answer comes from a new import (a new build, a rolling restart), refetches the reference data the open
 * page shows: its queries were keyed by the former import, and the figures it holds are those of the former import.
 * Views rendered afterwards key their queries by the new id (cleImport), so nothing of the former import is
 * served again from the cache. The agents' queries do not depend on the import.
 */
export function suivreImport(client: QueryClient): () => void {
  return abonnerImport(() => {
    void client.invalidateQueries({ type: 'active', predicate: (q) => q.queryKey[0] !== CLE_COMPTES[0] })
  })
}
