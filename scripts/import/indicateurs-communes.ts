import type { Cog } from './cog.ts'
import { lireIndicateur, moyennePonderee, nombreOuNull, type Extraction } from './indicateurs.ts'
import { lireCsv } from '../lib/lecture.ts'
import type { Rapport } from '../lib/rapport.ts'
import type { EntreeManifest } from '../lib/sources.ts'

export type Ifn = Readonly<{ total: number | null; thd: number | null; quatreG: number | null; pauvrete: number | null; plus65ans: number | null; sansDiplome: number | null }>
export type Indicateurs = Readonly<{
  ifn: Map<string, Ifn>
  densite: Map<string, string | null>
  ruralite: Map<string, string | null>
  centralite: Map<string, string | null>
  frr: Map<string, string | null>
  montagne: Map<string, string | null>
  filosofi: Map<string, { revenuMedian: number | null; tauxPauvrete: number | null }>
}>

const CHAMPS_IFN = { thd: 'no_thd_coverage_rate', quatreG: 'no_4g_coverage_rate', pauvrete: 'poverty_rate', plus65ans: 'older_65_rate', sansDiplome: 'nscol15p_rate', total: 'total' } as const

function extraireIfn(v: Record<string, string>): Extraction<Ifn> {
  const ifn: Record<string, number | null> = {}
  for (const [cle, colonne] of Object.entries(CHAMPS_IFN)) {
    const n = nombreOuNull(v[colonne])
    if (v[colonne]?.trim() && n === null) return { ok: false, champ: colonne, motif: `valeur non numérique : « ${v[colonne]} »` }
    if (n !== null && (n < 0 || n > 10)) return { ok: false, champ: colonne, motif: `score hors de l'échelle 0–10 : ${n}` }
    ifn[cle] = n
  }
  return { ok: true, valeur: ifn as Ifn }
}

/** Text class of a typology; placeholders such as '- undefined' mean no value. */
const extraireLibelle = (colonne: string) => (v: Record<string, string>): Extraction<string | null> => {
  const t = (v[colonne] ?? '').trim()
  return { ok: true, valeur: t === '' || /undefined/i.test(t) ? null : t }
}

/** Reads every per-commune indicator of the manifest. */
export function lireIndicateurs(cog: Cog, chemins: ReadonlyMap<string, string>, manifest: readonly EntreeManifest[], rapport: Rapport): Indicateurs {
  const populationArrondissement = new Map(cog.arrondissements.map((a) => [a.code, a.population]))
  const lire = <T>(
    jeu: string,
    colonneCode: string,
    extraire: (v: Record<string, string>) => Extraction<T>,
    agregation?: { agreger: (p: readonly { valeur: T; population: number }[]) => T; estVide: (v: T) => boolean },
  ) => {
    const entree = manifest.find((m) => m.jeu === jeu)
    const chemin = chemins.get(jeu)
    if (!entree || !chemin) throw new Error(`Source ${jeu} absente du manifeste`)
    const lignes = lireCsv(chemin, entree.champs)
    return lireIndicateur({ jeu, fichier: entree.fichier, lignes, colonneCode, extraire, ...agregation }, cog.referentiel, populationArrondissement, rapport)
  }
  const agregerIfn = (parties: readonly { valeur: Ifn; population: number }[]): Ifn => {
    const moyenne = (cle: keyof Ifn) => moyennePonderee(parties.map((p) => ({ valeur: p.valeur[cle], population: p.population })))
    return { total: moyenne('total'), thd: moyenne('thd'), quatreG: moyenne('quatreG'), pauvrete: moyenne('pauvrete'), plus65ans: moyenne('plus65ans'), sansDiplome: moyenne('sansDiplome') }
  }
  return {
    ifn: lire('ifn', 'code', extraireIfn, { agreger: agregerIfn, estVide: (v) => Object.values(v).every((x) => x === null) }),
    densite: lire('densite', 'insee_com', extraireLibelle('niveau_densite')),
    ruralite: lire('ruralite', 'insee_com', extraireLibelle('niveau_ruralite')),
    centralite: lire('centralite', 'insee_com', extraireLibelle('niveau_centralite')),
    frr: lire('frr', 'code_insee', extraireLibelle('classement_frr')),
    montagne: lire('montagne', 'insee_com', extraireLibelle('niveau_montagne')),
    filosofi: lire('filosofi', 'CODGEO', (v) => ({ ok: true, valeur: { revenuMedian: nombreOuNull(v.MED21), tauxPauvrete: nombreOuNull(v.TP6021) } })),
  }
}
