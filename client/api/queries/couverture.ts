import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { api, cleImport } from '../client.ts'
import type { Parametres, ParametresDates } from '../types.ts'

// Keys end with the parameters so a rayonKm change is a new cache entry, and invalidating
// ['couverture'] reaches every child. keepPreviousData keeps the map coloured while the next answer loads.
const CLE_COUVERTURE = ['couverture'] as const
const cleParametres = (p: ParametresDates) => ({ rayonKm: p.rayonKm, offre: [...p.offre], date: p.date ?? null })

export const couvertureNationale = (p: ParametresDates) =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'national', cleParametres(p)],
    queryFn: ({ signal }) => api.couvertureNationale(p, signal),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })

export const couvertureDepartement = (code: string, p: ParametresDates) =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'departement', code, cleParametres(p)],
    queryFn: ({ signal }) => api.couvertureDepartement(code, p, signal),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })

export const communesDepartement = (code: string, p: ParametresDates) =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'departement', code, 'communes', cleParametres(p)],
    queryFn: ({ signal }) => api.communesDepartement(code, p, signal),
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

export const zonesBlanches = (departement: string, p: ParametresDates, tri: 'population' | 'ifn', limit = 200) =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'zones-blanches', departement, tri, limit, cleParametres(p)],
    queryFn: ({ signal }) => api.zonesBlanches({ ...p, departement, tri, limit }, signal),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })

/** The evolution of the offre's figures, nationally or in a département (the date is not a parameter: every date is in it). */
export const evolution = (p: Parametres, departement?: string) =>
  queryOptions({
    queryKey: ['evolution', cleImport(), departement ?? 'FR', { rayonKm: p.rayonKm, offre: [...p.offre] }],
    queryFn: ({ signal }) => api.evolution({ rayonKm: p.rayonKm, offre: p.offre, ...(departement === undefined ? {} : { departement }) }, signal),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })
