import { queryOptions } from '@tanstack/react-query'
import { api, cleImport } from '../client.ts'

// Territories and geometry only change with a new import: keyed by it (cleImport), never refetched otherwise.
const CLE_TERRITOIRES = ['territoires'] as const

export const sante = () =>
  queryOptions({ queryKey: ['sante', cleImport()], queryFn: ({ signal }) => api.sante(signal), staleTime: Infinity })

export const departements = () =>
  queryOptions({
    queryKey: [...CLE_TERRITOIRES, cleImport(), 'departements'],
    queryFn: ({ signal }) => api.departements(signal),
    staleTime: Infinity,
  })

export const departement = (code: string) =>
  queryOptions({
    queryKey: [...CLE_TERRITOIRES, cleImport(), 'departements', code],
    queryFn: ({ signal }) => api.departement(code, signal),
    staleTime: Infinity,
  })

export const contoursDepartements = () =>
  queryOptions({
    queryKey: [...CLE_TERRITOIRES, cleImport(), 'contours', 'departements'],
    queryFn: ({ signal }) => api.contoursDepartements(signal),
    staleTime: Infinity,
  })

/** Polygons of a département's communes, for the planner's small SVG maps (the big map uses tiles). */
export const geometrieCommunes = (code: string) =>
  queryOptions({
    queryKey: [...CLE_TERRITOIRES, cleImport(), 'geometrie', 'communes', code],
    queryFn: ({ signal }) => api.communesGeometrie(code, signal),
    staleTime: Infinity,
  })

export const contoursRegions = () =>
  queryOptions({
    queryKey: [...CLE_TERRITOIRES, cleImport(), 'contours', 'regions'],
    queryFn: ({ signal }) => api.contoursRegions(signal),
    staleTime: Infinity,
  })

export const commune = (code: string) =>
  queryOptions({
    queryKey: [...CLE_TERRITOIRES, cleImport(), 'communes', code],
    queryFn: ({ signal }) => api.commune(code, signal),
    staleTime: Infinity,
  })

export const rechercheCommunes = (q: string) =>
  queryOptions({
    queryKey: [...CLE_TERRITOIRES, cleImport(), 'recherche', q],
    queryFn: ({ signal }) => api.rechercheCommunes(q, signal),
    staleTime: Infinity,
    enabled: q.trim().length >= 2,
  })
