import { normaliserCodeInsee, normaliserCodePostal } from '../domain/code-insee.ts'
import { MAX_POSTES_CANDIDATURE, typeStructure } from '../domain/candidature.ts'
import { cleRecherche, normaliserSiret } from '../domain/texte.ts'
import type { CandidatureAEnregistrer } from '../db/comptes.ts'
import type { Champ, LigneBrute } from './lecture.ts'

/** What checking a row needs from the reference data: communes (COG of the import) and the département's outline. */
export type Referentiel = Readonly<{
  /** The current commune of a code INSEE (an ancienne commune or arrondissement resolves to it), with its centre. */
  commune(code: string): CommuneReferentiel | undefined
  /** The communes of a postal code. */
  communesDuCodePostal(codePostal: string): readonly CommuneReferentiel[]
  /** Whether a point lies in the département (with the outline's tolerance). */
  dansDepartement(departement: string, longitude: number, latitude: number): boolean
}>
export type CommuneReferentiel = Readonly<{ code: string; nom: string; departement: string; longitude: number; latitude: number }>

export type Rejet = Readonly<{ ligne: number; champ: Champ | 'ligne'; motif: string }>

export type Verification = Readonly<{ candidatures: (CandidatureAEnregistrer & { ligne: number })[]; rejetees: Rejet[] }>

const LONGUEUR_MAX_TEXTE = 300

/** A decimal number as a French spreadsheet writes it (« 4,89 », « 1 234 »); null otherwise. */
export function nombre(brut: string): number | null {
  const t = brut.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : null
}

/** A date as YYYY-MM-DD, from « 2026-10-01 », « 01/10/2026 » or « 1/10/26 » (a time after it is ignored); null otherwise. */
export function lireDate(brut: string): string | null {
  const t = brut.trim().split(/[ T]/)[0]!
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t)
  let [a, mo, j] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0]
  if (!m) {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t)
    if (!m) return null
    ;[j, mo, a] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (a < 100) a += 2000
  }
  const d = new Date(Date.UTC(a, mo - 1, j))
  if (d.getUTCFullYear() !== a || d.getUTCMonth() !== mo - 1 || d.getUTCDate() !== j) return null
  return d.toISOString().slice(0, 10)
}

type ChampCommune = 'codeInsee' | 'codePostal' | 'commune'

/**
 * The commune of a row: by code INSEE, else by postal code and name (names repeat: the postal code decides). `quoi`
 * names the row's object in the message when neither is given (« la candidature », « la recrue »).
 */
export function communeDeLigne(v: Readonly<Partial<Record<ChampCommune, string>>>, ref: Referentiel, quoi = 'la candidature'):
  { commune: CommuneReferentiel } | { champ: ChampCommune; motif: string } {
  if (v.codeInsee !== undefined) {
    const code = normaliserCodeInsee(v.codeInsee)
    if (code === null) return { champ: 'codeInsee', motif: `code INSEE invalide : « ${v.codeInsee} » (5 caractères, ex. 26362 ou 2A004)` }
    const commune = ref.commune(code)
    return commune ? { commune } : { champ: 'codeInsee', motif: `code INSEE inconnu : ${code}` }
  }
  if (v.codePostal === undefined || v.commune === undefined)
    return { champ: 'codeInsee', motif: `ni code INSEE, ni code postal et commune : ${quoi} ne peut pas être située` }
  const cp = normaliserCodePostal(v.codePostal)
  if (cp === null) return { champ: 'codePostal', motif: `code postal invalide : « ${v.codePostal} » (5 chiffres)` }
  const candidates = ref.communesDuCodePostal(cp)
  if (candidates.length === 0) return { champ: 'codePostal', motif: `code postal inconnu : ${cp}` }
  const nom = cleRecherche(v.commune)
  const trouvees = candidates.filter((c) => cleRecherche(c.nom) === nom)
  if (trouvees.length === 1) return { commune: trouvees[0]! }
  return { champ: 'commune', motif: `aucune commune « ${v.commune} » sous le code postal ${cp} (${candidates.map((c) => c.nom).join(', ')})` }
}

/**
 * Checks the rows of an import for a département: every problem of a row is a reject naming its line and column, and a
 * row with a reject is not kept. A SIRET met twice in the file is refused the second time (which row should win?).
 */
export function verifierLignes(lignes: readonly LigneBrute[], departement: string, ref: Referentiel): Verification {
  const candidatures: (CandidatureAEnregistrer & { ligne: number })[] = []
  const rejetees: Rejet[] = []
  const siretVus = new Map<string, number>()
  for (const { ligne, valeurs: v } of lignes) {
    const rejets: Rejet[] = []
    const rejeter = (champ: Rejet['champ'], motif: string) => rejets.push({ ligne, champ, motif })
    const texte = (champ: 'nom' | 'adresse'): string => {
      const t = (v[champ] ?? '').replace(/\s+/g, ' ').trim()
      if (t === '') rejeter(champ, `${champ} est vide`)
      else if (t.length > LONGUEUR_MAX_TEXTE) rejeter(champ, `${champ} : ${LONGUEUR_MAX_TEXTE} caractères au plus`)
      return t
    }

    const siret = normaliserSiret(v.siret)
    if (siret === null) rejeter('siret', v.siret === undefined ? 'SIRET absent' : `SIRET invalide : « ${v.siret} » (14 chiffres)`)
    else if (siretVus.has(siret)) rejeter('siret', `SIRET ${siret} déjà présent ligne ${siretVus.get(siret)} du fichier`)
    const nom = texte('nom')
    const adresse = texte('adresse')
    const type = typeStructure(v.type ?? '')
    if (type === null)
      rejeter('type', v.type === undefined ? 'type absent (collectivité ou privée)' : `type de structure non reconnu : « ${v.type} » (collectivité, commune, EPCI, département, association, ESS, privée…)`)
    const postes = v.postes === undefined ? null : nombre(v.postes)
    if (postes === null || !Number.isInteger(postes) || postes < 1 || postes > MAX_POSTES_CANDIDATURE)
      rejeter('postes', `postes demandés : un entier de 1 à ${MAX_POSTES_CANDIDATURE} attendu, reçu « ${v.postes ?? ''} »`)
    const dateDepot = v.dateDepot === undefined ? null : lireDate(v.dateDepot)
    if (v.dateDepot !== undefined && dateDepot === null) rejeter('dateDepot', `date illisible : « ${v.dateDepot} » (JJ/MM/AAAA ou AAAA-MM-JJ)`)

    const c = communeDeLigne(v, ref)
    if ('motif' in c) rejeter(c.champ, c.motif)
    else if (c.commune.departement !== departement)
      rejeter(v.codeInsee !== undefined ? 'codeInsee' : 'commune', `la commune ${c.commune.nom} (${c.commune.code}) est dans le département ${c.commune.departement}, pas dans le ${departement}`)

    let position: { longitude: number; latitude: number; localisation: 'coordonnees' | 'commune' } | null = null
    if (v.longitude !== undefined || v.latitude !== undefined) {
      const longitude = v.longitude === undefined ? null : nombre(v.longitude)
      const latitude = v.latitude === undefined ? null : nombre(v.latitude)
      if (longitude === null || longitude < -180 || longitude > 180) rejeter('longitude', `longitude invalide : « ${v.longitude ?? ''} » (degrés décimaux, ex. 4,89)`)
      else if (latitude === null || latitude < -90 || latitude > 90) rejeter('latitude', `latitude invalide : « ${v.latitude ?? ''} » (degrés décimaux, ex. 44,93)`)
      else if (!ref.dansDepartement(departement, longitude, latitude)) rejeter('longitude', `le point [${longitude}, ${latitude}] n’est pas dans le département ${departement} (longitude et latitude inversées ?)`)
      else position = { longitude, latitude, localisation: 'coordonnees' }
    } else if ('commune' in c) {
      position = { longitude: c.commune.longitude, latitude: c.commune.latitude, localisation: 'commune' }
    }

    if (siret !== null && !siretVus.has(siret)) siretVus.set(siret, ligne)
    if (rejets.length > 0 || siret === null || type === null || postes === null || position === null || !('commune' in c)) {
      rejetees.push(...rejets)
      continue
    }
    candidatures.push({ ligne, siret, nom, type, adresse, codeInsee: c.commune.code, postes, dateDepot, ...position })
  }
  return { candidatures, rejetees }
}
