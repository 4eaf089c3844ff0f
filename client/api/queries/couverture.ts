import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { api, cleImport } from '../client.ts'
import type { MethodeCouverture, Parametres, ParametresDates, TriZonesBlanches } from '../types.ts'

// Keys end with the parameters so a rayonKm change is a new cache entry, and invalidating
// ['couverture'] reaches every child. keepPreviousData keeps the map coloured while the next answer loads.
// `methode` (default carreaux, the 1 km grid) is in every key: the same view may ask both to compare them.
const CLE_COUVERTURE = ['couverture'] as const
const cleParametres = (p: ParametresDates) => ({ rayonKm: p.rayonKm, offre: [...p.offre], date: p.date ?? null })

export const couvertureNationale = (p: ParametresDates, methode: MethodeCouverture = 'carreaux') =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'national', methode, cleParametres(p)],
    queryFn: ({ signal }) => api.couvertureNationale(p, signal, methode),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })

export const couvertureDepartement = (code: string, p: ParametresDates, methode: MethodeCouverture = 'carreaux') =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'departement', code, methode, cleParametres(p)],
    queryFn: ({ signal }) => api.couvertureDepartement(code, p, signal, methode),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  })

export const communesDepartement = (code: string, p: ParametresDates, methode: MethodeCouverture = 'carreaux') =>
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

export const zonesBlanches = (departement: string, p: ParametresDates, tri: TriZonesBlanches, limit = 200, methode: MethodeCouverture = 'carreaux') =>
  queryOptions({
    queryKey: [...CLE_COUVERTURE, cleImport(), 'zones-blanches', departement, methode, tri, limit, cleParametres(p)],
    queryFn: ({ signal }) => api.zonesBlanches({ ...p, departement, tri, limit, methode }, signal),
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
