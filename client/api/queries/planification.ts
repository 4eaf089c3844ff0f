import { queryOptions } from '@tanstack/react-query'
import { api, cleImport } from '../client.ts'
import type { CorpsOptimisation, CorpsOptimisationNationale, CorpsSimulation } from '../types.ts'

// What-if answers are keyed by their whole input: the same scenario is a cache hit (back button,
// undo), and the data only changes with a new import.
const CLE_PLANIFICATION = ['planification'] as const

export const simulation = (corps: CorpsSimulation) =>
  queryOptions({
    queryKey: [...CLE_PLANIFICATION, cleImport(), 'simulation', corps.departement, { rayonKm: corps.rayonKm, offre: corps.offre, methode: corps.methode }, corps.ajouts, corps.retraits],
    queryFn: ({ signal }) => api.simulation(corps, signal),
    staleTime: Infinity,
    // Keep the figures of the previous scenario while the next one computes, but never another département's.
    placeholderData: (precedente) => (precedente?.departement.code === corps.departement ? precedente : undefined),
  })

export const optimisation = (corps: CorpsOptimisation) =>
  queryOptions({
    queryKey: [...CLE_PLANIFICATION, cleImport(), 'optimisation', corps.departement, { rayonKm: corps.rayonKm, offre: corps.offre, methode: corps.methode }, corps.nombrePostes, corps.candidats, corps.poids, corps.ajouts ?? [], corps.retraits ?? []],
    queryFn: ({ signal }) => api.optimisation(corps, signal),
    staleTime: Infinity,
  })

export const optimisationNationale = (corps: CorpsOptimisationNationale) =>
  queryOptions({
    queryKey: [...CLE_PLANIFICATION, cleImport(), 'nationale', { rayonKm: corps.rayonKm, offre: corps.offre, methode: corps.methode }, corps.nombrePostes, corps.candidats, corps.poids],
    queryFn: ({ signal }) => api.optimisationNationale(corps, signal),
    staleTime: Infinity,
  })
