import { JEU_LISTE_POSTES } from '../../../server/domain/evolution.ts'
import { masqueOffre, type Categorie } from '../../../server/domain/offre.ts'
import { normaliserTexte } from '../../../server/domain/texte.ts'
import { distanceKm } from '../../lib/distance.ts'
import type { LieuLocalise, Localisation } from './localisation.ts'

/** Two records with the same SIRET are one lieu when they are this close (a structure may run several sites). */
export const DISTANCE_FUSION_SIRET_KM = 1
/** Two records with the same name are one lieu when they are this close. */
export const DISTANCE_FUSION_NOM_KM = 0.1
/**
 * The CNFS list that counts postes: the 2023 list is cumulative (every COSELEC validation since 2021,
 * one row per validation), so the 2021 list only places and names structures.
 */
const LISTE_POSTES = JEU_LISTE_POSTES

export type Lieu = {
  id: number
  nom: string
  categorie: Categorie
  categories: number
  commune: string
  longitude: number
  latitude: number
  localisation: Localisation
  siret: string | null
  membres: { lieu: LieuLocalise; fusion: string | null }[]
  postes: number
}

/**
 * Merges records that are the same place in several sources (or twice in one): same SIRET within
 * DISTANCE_FUSION_SIRET_KM, or same folded name within DISTANCE_FUSION_NOM_KM. Records are taken in
 * the order given (sources by priority), so the first record names and places the lieu.
 */
export class Fusion {
  readonly lieux: Lieu[] = []
  private readonly parSiret = new Map<string, Lieu[]>()
  private readonly parNom = new Map<string, Lieu[]>()

  /** Adds a record; returns the lieu and, when merged, why. */
  ajouter(l: LieuLocalise): { lieu: Lieu; fusion: string | null } {
    const s = l.source
    const nom = normaliserTexte(s.nom)
    const proche = (candidats: Lieu[] | undefined, maxKm: number) =>
      candidats?.find((c) => distanceKm(c.longitude, c.latitude, l.longitude, l.latitude) <= maxKm)
    let lieu = s.siret ? proche(this.parSiret.get(s.siret), DISTANCE_FUSION_SIRET_KM) : undefined
    let fusion = lieu ? `même SIRET ${s.siret}` : null
    if (!lieu) {
      lieu = proche(this.parNom.get(nom), DISTANCE_FUSION_NOM_KM)
      if (lieu) fusion = 'même nom et même position'
    }
    if (!lieu && l.localisation === 'centre-commune') {
      // Placed at its commune's centre only: "same position" can only mean the same commune.
      lieu = this.parNom.get(nom)?.find((c) => c.commune === l.commune)
      if (lieu) fusion = 'même nom dans la même commune (position de la source inconnue)'
    }
    if (!lieu) {
      lieu = {
        id: this.lieux.length + 1,
        nom: s.nom,
        categorie: s.categorie,
        categories: 0,
        commune: l.commune,
        longitude: l.longitude,
        latitude: l.latitude,
        localisation: l.localisation,
        siret: s.siret,
        membres: [],
        postes: 0,
      }
      this.lieux.push(lieu)
    }
    lieu.categories |= masqueOffre([s.categorie, ...(s.categoriesSupplementaires ?? [])])
    if (!lieu.siret && s.siret) lieu.siret = s.siret
    if (s.jeu === LISTE_POSTES) lieu.postes += s.postes
    lieu.membres.push({ lieu: l, fusion })
    if (s.siret) this.indexer(this.parSiret, s.siret, lieu)
    this.indexer(this.parNom, nom, lieu)
    return { lieu, fusion }
  }

  private indexer(index: Map<string, Lieu[]>, cle: string, lieu: Lieu): void {
    const liste = index.get(cle)
    if (!liste) index.set(cle, [lieu])
    else if (!liste.includes(lieu)) liste.push(lieu)
  }
}
