import type { Communes, Lieux, Territoires } from '../../../server/spatial/donnees.ts'

/**
 * Hand-made territory: Ajaccio (2A) and Bastia (2B) in région 94, Valence (26) in région 84,
 * Saint-Denis '97411' in La Réunion '974', Papeete (COM '987'). Real centre points.
 */
export const TERRITOIRES_FIXTURE: Territoires = {
  departements: [
    { code: '26', nom: 'Drôme', region: '84', com: false },
    { code: '2A', nom: 'Corse-du-Sud', region: '94', com: false },
    { code: '2B', nom: 'Haute-Corse', region: '94', com: false },
    { code: '974', nom: 'La Réunion', region: '04', com: false },
    { code: '987', nom: 'Polynésie française', region: '987', com: true },
  ],
  regions: [
    { code: '84', nom: 'Auvergne-Rhône-Alpes' },
    { code: '94', nom: 'Corse' },
    { code: '04', nom: 'La Réunion' },
  ],
}

export const COMMUNES_FIXTURE: Communes = {
  n: 5,
  code: ['26362', '2A004', '2B033', '97411', '98735'],
  nom: ['Valence', 'Ajaccio', 'Bastia', 'Saint-Denis', 'Papeete'],
  departement: ['26', '2A', '2B', '974', '987'],
  region: ['84', '94', '94', '04', '987'],
  longitude: Float64Array.of(4.8917, 8.70585, 9.4502, 55.44667, -149.55683),
  latitude: Float64Array.of(44.9334, 41.93545, 42.6976, -20.93286, -17.55754),
  population: Float64Array.of(64_000, 76_320, 48_000, 155_634, 26_654),
  ifn: Float64Array.of(4, 5, 6.5, 7, NaN),
  com: Uint8Array.of(0, 0, 0, 0, 1),
}

/**
 * Lieux: id 10 exactly at Ajaccio's centre (france-services), ids 21 and 20 sharing one position
 * 30 km south-west of Bastia (conseillers numériques), id 30 in Saint-Denis 2 km from the centre
 * (mediation), id 40 in Valence but inactive, id 50 in Valence (conseillers numériques + france-services).
 */
export const LIEUX_FIXTURE: Lieux = {
  n: 6,
  id: Int32Array.of(10, 21, 20, 30, 40, 50),
  nom: ['FS Ajaccio', 'CNFS Corte A', 'CNFS Corte B', 'Médiathèque Saint-Denis', 'Ancien lieu Valence', 'Valence'],
  categories: Uint8Array.of(2, 1, 1, 4, 1, 3),
  longitude: Float64Array.of(8.70585, 9.1497, 9.1497, 55.465, 4.89, 4.8917),
  latitude: Float64Array.of(41.93545, 42.5, 42.5, -20.9466, 44.93, 44.9334),
  conseillers: Float64Array.of(NaN, 1, 2, 1, 5, 3),
  postes: Float64Array.of(0, 1, 2, 0, 5, 3),
  financementEuros: Float64Array.of(0, 50_000, 100_000, 0, 250_000, 150_000),
  departement: ['2A', '2B', '2B', '974', '26', '26'],
  actif: Uint8Array.of(1, 1, 1, 1, 0, 1),
}
