import { queryOptions } from '@tanstack/react-query'
import { api, cleImport } from '../client.ts'
import type { Parametres } from '../types.ts'

const CLE_LIEUX = ['lieux'] as const

export type Origine = { commune: string } | { latitude: number; longitude: number }

export const lieuxProches = (origine: Origine, offre: Parametres['offre'], limit = 10) =>
  queryOptions({
    queryKey: [...CLE_LIEUX, cleImport(), 'proches', origine, [...offre], limit],
    queryFn: ({ signal }) => api.lieuxProches({ ...origine, offre, limit }, signal),
    staleTime: Infinity,
  })

export const lieuxDepartement = (code: string, offre: Parametres['offre'], date: string | null = null) =>
  queryOptions({
    queryKey: [...CLE_LIEUX, cleImport(), 'departement', code, [...offre], date],
    queryFn: ({ signal }) => api.lieuxDepartement(code, offre, signal, date),
    staleTime: Infinity,
  })

export const lieu = (id: string) =>
  queryOptions({ queryKey: [...CLE_LIEUX, cleImport(), id], queryFn: ({ signal }) => api.lieu(id, signal), staleTime: Infinity })
