import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { api, cleImport } from '../client.ts'
import type { MethodeCouverture, Parametres, TriZonesBlanches } from '../types.ts'

// Keys end with the parameters so a rayonKm change is a new cache entry, and invalidating
// ['couverture'] reaches every child. keepPreviousData keeps the map coloured while the next answer loads.
// `methode` (default carreaux, the 1 km grid) is in every key: the same view may ask both to compare them.
const CLE_COUVERTURE = ['couverture'] as const
const cleParametres = (p: Parametres) => ({ rayonKm: p.rayonKm, offre: [...p.offre] })

export const couvertureNationale = (p: Parametres, methode: MethodeCouverture = 'carreaux') =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'national', methode, cleParametres(p)],
    queryFn: ({ signal }) => api.couvertureNationale(p, signal, methode),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })

export const couvertureDepartement = (code: string, p: Parametres, methode: MethodeCouverture = 'carreaux') =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'departement', code, methode, cleParametres(p)],
    queryFn: ({ signal }) => api.couvertureDepartement(code, p, signal, methode),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })

export const communesDepartement = (code: string, p: Parametres, methode: MethodeCouverture = 'carreaux') =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'departement', code, 'communes', methode, cleParametres(p)],
    queryFn: ({ signal }) => api.communesDepartement(code, p, signal, methode),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })

export const couvertureCommune = (code: string, p: Parametres) =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'commune', code, cleParametres(p)],
    queryFn: ({ signal }) => api.couvertureCommune(code, p, signal),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })

export const zonesBlanches = (departement: string, p: Parametres, tri: TriZonesBlanches, limit = 200, methode: MethodeCouverture = 'carreaux') =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'zones-blanches', departement, methode, tri, limit, cleParametres(p)],
    queryFn: ({ signal }) => api.zonesBlanches({ ...p, departement, tri, limit, methode }, signal),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })
