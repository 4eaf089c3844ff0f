import type { Categorie } from '../domain/offre.ts'
import type { ChiffresDepartement, ChiffresTerritoire, CommuneCouverture } from '../spatial/index.ts'

/** Rounds for JSON: distances to 10 m, ratios and scores to 4 decimals; null stays null. */
export function arrondi(x: number, decimales?: number): number
export function arrondi(x: number | null, decimales?: number): number | null
export function arrondi(x: number | null, decimales = 4): number | null {
  return x === null ? null : Math.round(x * 10 ** decimales) / 10 ** decimales
}

export const aplatirTerritoire = ({ chiffres, ...t }: ChiffresTerritoire) => ({ ...t, ...chiffres })
export const aplatirDepartement = ({ chiffres, ...d }: ChiffresDepartement) => ({ ...d, ...chiffres })

/** One commune's coverage as the API shows it: the nearest lieu named, distances in km. */
export function presenterCommune(c: CommuneCouverture, lieux: Readonly<{ resume(id: number): Readonly<{ id: number; nom: string; categorie: Categorie }> | undefined }>) {
  const proche = c.lieuPlusProche === null ? undefined : lieux.resume(c.lieuPlusProche)
  return {
    code: c.code,
    nom: c.nom,
    departement: c.departement,
    population: c.population,
    distanceKm: arrondi(c.distanceKm, 2),
    couverte: c.couverte,
    lieuLePlusProche: proche ? { id: proche.id, nom: proche.nom, categorie: proche.categorie } : null,
    accessibilite: arrondi(c.accessibilite),
    ifn: c.ifn,
    // Counted on the population grid only (methode=carreaux): the centre answers keep their former shape.
    ...(c.statut === undefined ? {} : {
      statut: c.statut,
      partCouverte: arrondi(c.partCouverte ?? 0),
      populationNonCouverte: c.populationNonCouverte ?? 0,
      parCarreaux: c.parCarreaux ?? false,
    }),
  }
}
