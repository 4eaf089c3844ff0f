import { normaliserCodePostal } from '../../../server/domain/code-insee.ts'
import type { Categorie } from '../../../server/domain/offre.ts'
import { normaliserSiret } from '../../../server/domain/texte.ts'
import { estHorairesOsm } from './horaires-osm.ts'
import { coordonnees, listeServices, texteOuNull, type Conversion } from './lieu-source.ts'

/**
 * One lieu of the national "lieux de médiation numérique" schema (early version): the conseillers'
 * permanences of 2022 and the Hinaura lieux share it. No code INSEE: located by point-in-polygon.
 */
export function convertirLieuMediation(jeu: string, categorie: Categorie) {
  return (v: Record<string, unknown>, ligne: number, fichier: string): Conversion => {
    const nom = texteOuNull(v.nom)
    if (!nom) return { ok: false, champ: 'nom', motif: 'nom absent' }
    const position = coordonnees(v.longitude, v.latitude)
    if (!position.ok) return { ok: false, champ: 'latitude', motif: position.motif }
    // Opening hours that are not OSM syntax ("Fr 18:00") are kept as text, so `horaires` only ever holds OSM values.
    const horaires = texteOuNull(v.horaires)
    const osm = horaires !== null && estHorairesOsm(horaires)
    return {
      ok: true,
      lieu: {
        jeu, fichier, ligne,
        idSource: String(v.id ?? ligne),
        nom,
        categorie,
        codeInsee: null,
        longitude: position.longitude, latitude: position.latitude,
        siret: normaliserSiret(v.pivot),
        adresse: texteOuNull(v.adresse),
        codePostal: normaliserCodePostal(v.code_postal),
        horaires: osm ? horaires : null,
        horairesTexte: osm ? null : horaires,
        telephone: texteOuNull(v.telephone),
        siteWeb: texteOuNull(v.site_web),
        courriel: null,
        services: listeServices(v.services),
        postes: 0, typeStructure: null, zrr: null, qpv: null,
        itinerant: false, franceServicesType: null, franceServicesFormat: null,
        actif: true,
        dateMaj: texteOuNull(v.date_maj),
        donnees: v,
      },
    }
  }
}
