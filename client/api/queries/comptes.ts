import { queryOptions } from '@tanstack/react-query'
import { api } from '../client.ts'
import type { Parametres, TriCandidatures } from '../types.ts'

// Who is signed in, and their saved scenarios: private answers, refetched when the window regains focus.
export const CLE_COMPTES = ['comptes'] as const

export const moi = () =>
  queryOptions({ queryKey: [...CLE_COMPTES, 'moi'], queryFn: ({ signal }) => api.moi(signal), staleTime: 60_000 })

export const scenariosEnregistres = (departement: string) =>
  queryOptions({ queryKey: [...CLE_COMPTES, 'scenarios', departement], queryFn: ({ signal }) => api.scenarios(departement, signal), staleTime: 10_000 })

/** The candidatures of a département with their gains: private, and changed by imports and avis (invalidated then). */
export const candidatures = (departement: string, p: Parametres & { tri: TriCandidatures }) =>
  queryOptions({
    queryKey: [...CLE_COMPTES, 'candidatures', departement, p.rayonKm, p.offre.join(','), p.tri],
    queryFn: ({ signal }) => api.candidatures(departement, p, signal),
    staleTime: 10_000,
  })
