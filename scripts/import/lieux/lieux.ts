import { lireCsv, lireJsonTableau, type Ligne } from '../../lib/lecture.ts'
import type { Rapport } from '../../lib/rapport.ts'
import type { EntreeManifest } from '../../lib/sources.ts'
import { convertirAidantsConnect } from './aidants-connect.ts'
import { convertirCnfs2021, convertirCnfs2023 } from './cnfs-structures.ts'
import { convertirFranceServices } from './france-services.ts'
import type { Conversion, LieuSource } from './lieu-source.ts'
import { convertirLieuMediation } from './lieux-mediation.ts'
import { convertirSchemaMediation } from './schema-mediation.ts'
import { Fusion } from './fusion.ts'
import type { LieuLocalise, Localisateur, Resultat } from './localisation.ts'
import { masqueOffre } from '../../../server/domain/offre.ts'

type Lecteur = Readonly<{
  jeu: string
  /** Absent: read from the file name, for a source published as CSV and as JSON. */
  format?: 'csv' | 'json'
  champCode: string
  convertir: (v: Record<string, string>, ligne: number, fichier: string) => Conversion
}>

/** Sources of lieux by priority: the first record of a merged lieu names and places it. */
const LECTEURS: readonly Lecteur[] = [
  { jeu: 'france-services', format: 'csv', champCode: 'insee_com', convertir: convertirFranceServices },
  { jeu: 'cnfs-structures-2021', format: 'json', champCode: 'insee_com', convertir: convertirCnfs2021 },
  { jeu: 'cnfs-lieux-2022', format: 'json', champCode: 'latitude', convertir: convertirLieuMediation('cnfs-lieux-2022', 'conseillers-numeriques') },
  { jeu: 'hinaura', format: 'json', champCode: 'latitude', convertir: convertirLieuMediation('hinaura', 'mediation') },
  { jeu: 'lieux-mediation-numerique', champCode: 'code_insee', convertir: convertirSchemaMediation('lieux-mediation-numerique') },
  { jeu: 'cnfs-structures-2023', format: 'csv', champCode: 'code_insee_norm', convertir: convertirCnfs2023 },
  { jeu: 'aidants-connect', format: 'csv', champCode: 'City Insee Code', convertir: convertirAidantsConnect },
]

type Converti = Readonly<{ lecteur: Lecteur; lieu: LieuSource }>

/** The lieux sources read and converted once, which can then be merged whole or restricted to some of them. */
export type LecturesLieux = Readonly<{
  /** Every source, counted in the report: the lieux of the import. */
  fusion: Fusion
  /**
   * The lieux a build reading only the sources `jeux` would give: their records located (a record without
   * coordinates borrows only from geocoded records of those sources) and merged in the same order. Nothing is
   * reported: the full merge has already counted every row.
   */
  fusionner(jeux: ReadonlySet<string>): Fusion
  /** Catégories mask of the records each source gave (the catégories it can bring to an offre). */
  categoriesParJeu: ReadonlyMap<string, number>
}>

/**
 * Reads, converts, locates and merges every lieux source. Records with coordinates are placed
 * first so that records without any can borrow a position through their SIRET.
 */
export function lireLieux(chemins: ReadonlyMap<string, string>, manifest: readonly EntreeManifest[], localisateur: Localisateur, rapport: Rapport): LecturesLieux {
  const convertis: Converti[] = []
  const categoriesParJeu = new Map<string, number>()
  for (const lecteur of LECTEURS) {
    const entree = manifest.find((m) => m.jeu === lecteur.jeu)
    const chemin = chemins.get(lecteur.jeu)
    if (entree?.optionnel && !chemin) continue
    if (!entree || !chemin) throw new Error(`Source ${lecteur.jeu} absente du manifeste`)
    const format = lecteur.format ?? (/\.json(\.gz)?$/.test(entree.fichier) ? 'json' : 'csv')
    const lignes: readonly Ligne<Record<string, unknown>>[] = format === 'csv' ? lireCsv(chemin, entree.champs) : lireJsonTableau(chemin)
    for (const { ligne, valeurs } of lignes) {
      rapport.lu(lecteur.jeu, entree.fichier)
      const r = lecteur.convertir(valeurs as Record<string, string>, ligne, entree.fichier)
      if (r.ok) {
        convertis.push({ lecteur, lieu: r.lieu })
        categoriesParJeu.set(lecteur.jeu, (categoriesParJeu.get(lecteur.jeu) ?? 0) | masqueOffre([r.lieu.categorie, ...(r.lieu.categoriesSupplementaires ?? [])]))
      } else rapport.rejette(lecteur.jeu, entree.fichier, ligne, r.champ, r.motif)
    }
  }

  // Pass 1 (records with coordinates) does not depend on any other record: done once for every merge.
  const positionnes = new Map<LieuSource, Resultat>()
  for (const { lecteur, lieu } of convertis)
    if (lieu.longitude !== null) positionnes.set(lieu, localisateur.localiserAvecPosition(lieu, lecteur.champCode))

  const fusionnerSous = (jeux: ReadonlySet<string> | null, compter: Rapport | null): Fusion => {
    const retenus = jeux === null ? convertis : convertis.filter((c) => jeux.has(c.lieu.jeu))
    const localises = new Map<LieuSource, LieuLocalise>()
    for (const avecPosition of [true, false])
      for (const { lecteur, lieu } of retenus) {
        if ((lieu.longitude !== null) !== avecPosition) continue
        const r = avecPosition ? positionnes.get(lieu)! : localisateur.localiserSansPosition(lieu, lecteur.champCode, jeux ?? undefined)
        if (r.ok) localises.set(lieu, r.lieu)
        else compter?.rejette(lieu.jeu, lieu.fichier, lieu.ligne, r.champ, r.motif)
      }
    const fusion = new Fusion()
    for (const { lieu } of retenus) {
      const localise = localises.get(lieu)
      if (!localise) continue
      const { fusion: motif } = fusion.ajouter(localise)
      if (motif) compter?.fusionne(lieu.jeu, lieu.fichier)
      else compter?.garde(lieu.jeu, lieu.fichier)
    }
    return fusion
  }
  return { fusion: fusionnerSous(null, rapport), fusionner: (jeux) => fusionnerSous(jeux, null), categoriesParJeu }
}

/** Latest date_maj of the records kept from each lieux source: the vintage of the offre it contributes. */
export function datesMajMax(fusion: Fusion): Map<string, string> {
  const dates = new Map<string, string>()
  for (const lieu of fusion.lieux)
    for (const { lieu: { source } } of lieu.membres)
      if (source.dateMaj !== null && source.dateMaj > (dates.get(source.jeu) ?? '')) dates.set(source.jeu, source.dateMaj)
  return dates
}
