import type Database from 'better-sqlite3'
import { departementDuCode } from '../../server/domain/code-insee.ts'
import { masqueOffre } from '../../server/domain/offre.ts'
import type { Fusion, Lieu } from './lieux/fusion.ts'
import type { LieuSource } from './lieux/lieu-source.ts'

/** State funding of one poste of conseiller numérique: 50 k€ for a public host, 40 k€ for a private one. */
export const FINANCEMENT_POSTE_EUROS = { publique: 50_000, privee: 40_000 } as const

const premier = <K extends keyof LieuSource>(sources: readonly LieuSource[], cle: K): LieuSource[K] | null =>
  sources.find((s) => s[cle] !== null && s[cle] !== undefined)?.[cle] ?? null

/** What the coverage engine reads of a merged lieu: supply, postes and their funding, whether it is active. */
export function offreLieu(lieu: Lieu) {
  const sources = lieu.membres.map((m) => m.lieu.source)
  const postes = lieu.postes
  const type = premier(sources, 'typeStructure')
  return {
    conseillers: postes > 0 ? postes : null,
    postes,
    typeStructure: type,
    // A host whose public/private type is unknown is funded at the private rate (the lower bound).
    financementEuros: postes * (type === 'publique' ? FINANCEMENT_POSTE_EUROS.publique : FINANCEMENT_POSTE_EUROS.privee),
    actif: sources.some((s) => s.actif) ? 1 : 0,
  }
}

/** Writes the merged lieux and, for each, every source record it stands for and the catégories that record gave. */
export function ecrireLieux(db: Database.Database, fusion: Fusion): void {
  const insertLieu = db.prepare(`INSERT INTO lieu (id, nom, categorie, categories, adresse, code_postal, code_insee, departement,
    longitude, latitude, localisation, siret, conseillers, postes, type_structure, financement_euros, itinerant,
    france_services_type, france_services_format, zrr, qpv, horaires, horaires_texte, telephone, site_web, courriel,
    services, actif, date_maj) VALUES (@id, @nom, @categorie, @categories, @adresse, @codePostal, @codeInsee, @departement,
    @longitude, @latitude, @localisation, @siret, @conseillers, @postes, @typeStructure, @financementEuros, @itinerant,
    @franceServicesType, @franceServicesFormat, @zrr, @qpv, @horaires, @horairesTexte, @telephone, @siteWeb, @courriel,
    @services, @actif, @dateMaj)`)
  const insertSource = db.prepare('INSERT INTO lieu_source (lieu_id, jeu, id_source, ligne, fusion, categories, donnees) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0)
  for (const lieu of fusion.lieux) {
    const sources = lieu.membres.map((m) => m.lieu.source)
    const { conseillers, postes, typeStructure, financementEuros, actif } = offreLieu(lieu)
    insertLieu.run({
      id: lieu.id,
      nom: lieu.nom,
      categorie: lieu.categorie,
      categories: lieu.categories,
      adresse: premier(sources, 'adresse'),
      codePostal: premier(sources, 'codePostal'),
      codeInsee: lieu.commune,
      departement: departementDuCode(lieu.commune),
      longitude: lieu.longitude,
      latitude: lieu.latitude,
      localisation: lieu.localisation,
      siret: lieu.siret,
      conseillers,
      postes,
      typeStructure,
      financementEuros,
      itinerant: sources.some((s) => s.itinerant) ? 1 : 0,
      franceServicesType: premier(sources, 'franceServicesType'),
      franceServicesFormat: premier(sources, 'franceServicesFormat'),
      zrr: bool(premier(sources, 'zrr')),
      qpv: bool(premier(sources, 'qpv')),
      horaires: premier(sources, 'horaires'),
      horairesTexte: premier(sources, 'horairesTexte'),
      telephone: premier(sources, 'telephone'),
      siteWeb: premier(sources, 'siteWeb'),
      courriel: premier(sources, 'courriel'),
      services: JSON.stringify([...new Set(sources.flatMap((s) => s.services))]),
      actif,
      dateMaj: sources.map((s) => s.dateMaj).filter((d) => d !== null).sort().at(-1) ?? null,
    })
    for (const m of lieu.membres) {
      const s = m.lieu.source
      insertSource.run(lieu.id, s.jeu, s.idSource, s.ligne, m.fusion, masqueOffre([s.categorie, ...(s.categoriesSupplementaires ?? [])]), JSON.stringify(s.donnees))
    }
  }
}
