import { normaliserCodeInsee, normaliserCodePostal } from '../../../server/domain/code-insee.ts'
import { normaliserSiret } from '../../../server/domain/texte.ts'
import { coordonnees, ouiNon, texteOuNull, typeStructure, type Conversion, type LieuSource } from './lieu-source.ts'

const SERVICES_CNFS = ['Accompagnement au numérique par un conseiller numérique France Services']

function postesValides(brut: unknown, champ: string): { ok: true; postes: number } | { ok: false; champ: string; motif: string } {
  const n = Number(String(brut ?? '').trim())
  if (!Number.isInteger(n) || n < 0 || n > 500) return { ok: false, champ, motif: `nombre de postes invalide : « ${String(brut ?? '')} »` }
  return { ok: true, postes: n }
}

const nomStructure = (brut: unknown, siret: string | null) =>
  texteOuNull(brut) !== null && String(brut).trim() !== '0' ? String(brut).trim() : `Structure d'accueil de conseillers numériques${siret ? ` (SIRET ${siret})` : ''}`

/** One structure of the first CNFS list (2021-06, geocoded, `nb_cnfs` postes). */
export function convertirCnfs2021(v: Record<string, unknown>, ligne: number, fichier: string): Conversion {
  const postes = postesValides(v.nb_cnfs, 'nb_cnfs')
  if (!postes.ok) return postes
  const position = coordonnees(v.longitude, v.latitude)
  if (!position.ok) return { ok: false, champ: 'latitude', motif: position.motif }
  const siret = normaliserSiret(v.siret)
  const lieu: LieuSource = {
    jeu: 'cnfs-structures-2021', fichier, ligne,
    idSource: String(v.id ?? ligne),
    nom: nomStructure(v.raison_sociale, siret),
    categorie: 'conseillers-numeriques',
    codeInsee: normaliserCodeInsee(v.insee_com),
    longitude: position.longitude, latitude: position.latitude,
    siret,
    adresse: texteOuNull(v.adresse)?.replace(/\s*\n\s*/g, ', ') ?? null,
    codePostal: normaliserCodePostal(v.code_postal_bis),
    horaires: null, horairesTexte: null, telephone: null, siteWeb: null, courriel: null,
    services: SERVICES_CNFS,
    postes: postes.postes,
    typeStructure: typeStructure(v.type),
    zrr: ouiNon(v.zrr), qpv: ouiNon(v.qpv),
    itinerant: false, franceServicesType: null, franceServicesFormat: null,
    actif: true,
    dateMaj: texteOuNull(v['date_de_validation_en_comité_de_sélection']),
    donnees: v,
  }
  return { ok: true, lieu }
}

const COLONNE_POSTES_2023 = 'Nombre de conseillers validés par le COSELEC'

/** One structure of the CNFS list of 2023-04 (no coordinates: located later by SIRET or commune). */
export function convertirCnfs2023(v: Record<string, string>, ligne: number, fichier: string): Conversion {
  const postes = postesValides(v[COLONNE_POSTES_2023], COLONNE_POSTES_2023)
  if (!postes.ok) return postes
  const siret = normaliserSiret(v.SIRET)
  const date = texteOuNull(v['Date de validation en comité de sélection'])
  return {
    ok: true,
    lieu: {
      jeu: 'cnfs-structures-2023', fichier, ligne,
      idSource: String(ligne),
      nom: nomStructure(v['Raison sociale'], siret),
      categorie: 'conseillers-numeriques',
      codeInsee: normaliserCodeInsee(v.code_insee_norm) ?? normaliserCodeInsee(v['Code commune INSEE']),
      longitude: null, latitude: null,
      siret,
      adresse: texteOuNull(v.Adresse),
      codePostal: normaliserCodePostal(v['Code postal']),
      horaires: null, horairesTexte: null, telephone: null, siteWeb: null, courriel: null,
      services: SERVICES_CNFS,
      postes: postes.postes,
      typeStructure: typeStructure(v.Type),
      zrr: ouiNon(v.ZRR), qpv: ouiNon(v.QPV),
      itinerant: false, franceServicesType: null, franceServicesFormat: null,
      actif: true,
      dateMaj: date ? date.split('/').reverse().join('-') : null,
      donnees: v,
    },
  }
}
