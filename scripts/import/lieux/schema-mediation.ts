import {
  DispositifProgrammesNationaux, fromSchemaLieuDeMediationNumerique, isValidUrl, Itinerances, ModelError,
  type DispositifProgrammeNational, type Itinerance, type SchemaLieuMediationNumerique,
} from '@gouvfr-anct/lieux-de-mediation-numerique'
import { normaliserCodeInsee, normaliserCodePostal } from '../../../server/domain/code-insee.ts'
import { categoriesDesDispositifs, COLONNES_SCHEMA, SEPARATEUR_LISTE, type ColonneSchema } from '../../../server/domain/schema-mediation.ts'
import { normaliserSiret } from '../../../server/domain/texte.ts'
import { estHorairesOsm } from './horaires-osm.ts'
import { coordonnees, texteOuNull, type Conversion } from './lieu-source.ts'

const OBLIGATOIRES: readonly [ColonneSchema, string][] = [
  ['id', 'identifiant absent'], ['nom', 'nom absent'], ['pivot', 'pivot (SIRET ou RNA) absent'], ['adresse', 'adresse absente'],
  ['commune', 'commune absente'], ['code_postal', 'code postal absent'], ['date_maj', 'date de mise à jour absente'],
]

// The library names a few fields after its model, not after the schéma's column.
const COLONNE_DU_MODELE: Readonly<Record<string, ColonneSchema>> = { voie: 'adresse', courriel: 'courriels', typologies: 'typologie', siret: 'pivot', rna: 'pivot' }

const PIVOT = /^(?:\d{14}|W[A-Za-z0-9]{9})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A cell that Maillage's CSV export escaped against formula injection ('=…) reads back as written. */
const sansEchappement = (t: string): string => (/^'[=+\-@]/.test(t) ? t.slice(1) : t)

/** The row's text values, trimmed, without empty cells (CSV) or nulls (JSON): the library tests presence with `== null`. */
function textes(v: Record<string, unknown>): Partial<Record<ColonneSchema, string>> {
  const t: Partial<Record<ColonneSchema, string>> = {}
  for (const c of COLONNES_SCHEMA) {
    const valeur = texteOuNull(typeof v[c] === 'number' ? String(v[c]) : v[c])
    if (valeur !== null) t[c] = sansEchappement(valeur)
  }
  return t
}

const liste = (t: string | undefined): string[] => (t === undefined ? [] : t.split(SEPARATEUR_LISTE).map((x) => x.trim()).filter((x) => x !== ''))

const dateValide = (t: string): boolean => {
  const m = DATE.exec(t)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

/** Which of the two URL fields holds the address the library refused. */
const colonneUrl = (t: Partial<Record<ColonneSchema, string>>): ColonneSchema =>
  t.prise_rdv !== undefined && !isValidUrl(t.prise_rdv) ? 'prise_rdv' : 'fiche_acces_libre'

/** Every field the schéma constrains, by the library's models; the first failure names the column and why. */
function verifierSchema(t: Partial<Record<ColonneSchema, string>>, longitude: number | null, latitude: number | null): { champ: string; motif: string } | null {
  const schema = { ...t, ...(longitude === null || latitude === null ? {} : { longitude, latitude }) } as SchemaLieuMediationNumerique
  try {
    fromSchemaLieuDeMediationNumerique(schema)
    // The library checks these two only alongside services: Maillage reads them even without.
    Itinerances(liste(t.itinerance) as Itinerance[])
    DispositifProgrammesNationaux(liste(t.dispositif_programmes_nationaux) as DispositifProgrammeNational[])
    return null
  } catch (e) {
    if (!(e instanceof ModelError)) throw e
    const cle = String(e.key)
    const champ = cle === 'url' ? colonneUrl(t) : (COLONNE_DU_MODELE[cle] ?? cle)
    return { champ, motif: `valeur refusée par le schéma : ${e.message}` }
  }
}

/**
 * One lieu of a file in the schéma des lieux de médiation numérique (v1.0, CSV or JSON), field by field: the required
 * fields, date_maj, the coordinates (both or neither), code_insee, the pivot, OSM horaires, then the library's models
 * (services, itinérance, dispositifs, téléphone, URLs…). Catégories come from dispositif_programmes_nationaux.
 */
export function convertirSchemaMediation(jeu: string) {
  return (v: Record<string, unknown>, ligne: number, fichier: string): Conversion => {
    const t = textes(v)
    for (const [champ, motif] of OBLIGATOIRES) if (t[champ] === undefined) return { ok: false, champ, motif }
    if (!dateValide(t.date_maj!)) return { ok: false, champ: 'date_maj', motif: `date de mise à jour invalide : « ${t.date_maj} » (AAAA-MM-JJ attendu)` }
    if ((t.latitude === undefined) !== (t.longitude === undefined))
      return { ok: false, champ: t.latitude === undefined ? 'latitude' : 'longitude', motif: 'coordonnées incomplètes : latitude et longitude vont ensemble' }
    const position = coordonnees(t.longitude, t.latitude)
    if (!position.ok) return { ok: false, champ: 'latitude', motif: position.motif }
    const codeInsee = t.code_insee === undefined ? null : normaliserCodeInsee(t.code_insee)
    if (t.code_insee !== undefined && codeInsee === null) return { ok: false, champ: 'code_insee', motif: `code INSEE mal formé : « ${t.code_insee} »` }
    if (!PIVOT.test(t.pivot!)) return { ok: false, champ: 'pivot', motif: `pivot invalide : « ${t.pivot} » (SIRET de 14 chiffres ou RNA « W » suivi de 9 caractères)` }
    if (t.horaires !== undefined && !estHorairesOsm(t.horaires))
      return { ok: false, champ: 'horaires', motif: `horaires illisibles au format OpenStreetMap opening_hours : « ${t.horaires} »` }
    const refus = verifierSchema(t, position.longitude, position.latitude)
    if (refus) return { ok: false, ...refus }

    const { categorie, autres } = categoriesDesDispositifs(liste(t.dispositif_programmes_nationaux))
    return {
      ok: true,
      lieu: {
        jeu, fichier, ligne,
        idSource: t.id!,
        nom: t.nom!,
        categorie,
        categoriesSupplementaires: autres,
        codeInsee,
        longitude: position.longitude, latitude: position.latitude,
        siret: normaliserSiret(t.pivot),
        adresse: [t.adresse, t.complement_adresse].filter((x) => x !== undefined).join(', '),
        codePostal: normaliserCodePostal(t.code_postal),
        horaires: t.horaires ?? null,
        horairesTexte: null,
        telephone: t.telephone ?? null,
        siteWeb: liste(t.site_web)[0] ?? null,
        courriel: liste(t.courriels)[0] ?? null,
        services: liste(t.services),
        postes: 0, typeStructure: null, zrr: null, qpv: null,
        itinerant: liste(t.itinerance).includes('Itinérant'),
        franceServicesType: null, franceServicesFormat: null,
        actif: true,
        dateMaj: t.date_maj!,
        donnees: v,
      },
    }
  }
}
