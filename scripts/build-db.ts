import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { lireCog, DOSSIER_COG_PAQUET } from './import/cog.ts'
import { importerCarreaux, resumeCarreaux, type BilanCarreaux } from './import/carreaux.ts'
import { assemblerCommunes, type BilanCentres } from './import/communes.ts'
import { lireContours } from './import/contours.ts'
import { ecrireIndicateurs, ecrireTerritoires } from './import/ecriture-territoires.ts'
import { ecrireCarreaux } from './import/ecriture-carreaux.ts'
import { ecrirePlusProchesCarreaux } from './import/ecriture-plus-proches-carreaux.ts'
import { ecrireLieux } from './import/ecriture-lieux.ts'
import { datesSources, ecrireEvolution, fusionsParDate } from './import/evolution.ts'
import { lireIndicateurs } from './import/indicateurs-communes.ts'
import { Localisateur } from './import/lieux/localisation.ts'
import { datesMajMax, lireLieux } from './import/lieux/lieux.ts'
import { lireGeojson } from './lib/lecture.ts'
import { LocalisateurPolygones } from './lib/point-dans-polygone.ts'
import { Etapes } from './lib/progression.ts'
import { Rapport } from './lib/rapport.ts'
import { ecrireRejetsCsv, resumeComptes } from './lib/rejets-csv.ts'
import { cheminsSources, dossierSources, lireManifest, type EntreeManifest } from './lib/sources.ts'

export const CHEMIN_SCHEMA = resolve(import.meta.dirname, '../server/db/schema.sql')
export const CHEMIN_BASE_DEFAUT = resolve(import.meta.dirname, '../data/maillage.sqlite')

export type OptionsConstruction = Readonly<{
  sources: string
  sortie: string
  dossierCog?: string
  silencieux?: boolean
  /** The manifest the sources are checked against (default: data/sources.json). */
  manifest?: readonly EntreeManifest[]
}>

export type ResumeConstruction = Readonly<{ id: string; dureeMs: number; communes: number; lieux: number; rapport: Rapport; centres: BilanCentres; carreaux: BilanCarreaux }>

/**
 * Builds the reference database from the sources directory into a temporary file, then renames it
 * into place: a build that fails or is killed never touches the database being served.
 */
export function construireBase(options: OptionsConstruction): ResumeConstruction {
  const debut = performance.now()
  const manifest = options.manifest ?? lireManifest()
  const chemins = cheminsSources(options.sources, manifest)
  const fichier = (jeu: string) => manifest.find((m) => m.jeu === jeu)!.fichier
  const rapport = new Rapport()
  const etapes = new Etapes(options.silencieux ?? false, 7)

  const cog = etapes.faire('COG 2026', () => lireCog(rapport, options.dossierCog ?? DOSSIER_COG_PAQUET))
  const { communes, arrondissements, centres } = etapes.faire('Communes : contours et centres dérivés', () =>
    assemblerCommunes(cog, lireGeojson(chemins.get('communes-geometrie')!), fichier('communes-geometrie'), rapport))
  const contours = etapes.faire('Départements et régions : contours', () => lireContours(cog, chemins, manifest, rapport))
  const indicateurs = etapes.faire('Indicateurs communaux', () => lireIndicateurs(cog, chemins, manifest, rapport))
  const polygones = new LocalisateurPolygones(communes.map((c) => ({ code: c.code, emprise: c.emprise, geometrie: c.geometrie })))
  const lectures = etapes.faire('Lieux : lecture, localisation, fusion', () => {
    const localisateur = new Localisateur(cog.referentiel, communes, polygones)
    return lireLieux(chemins, manifest, localisateur, rapport)
  })
  const { fusion } = lectures
  const carreaux = etapes.faire('Population carroyée : rattachement aux communes', () => {
    const metropole = new Set(cog.departements.filter((d) => d.zone === 'metro').map((d) => d.code))
    return importerCarreaux(chemins.get('population-carroyee')!, fichier('population-carroyee'), communes, metropole, polygones, rapport)
  })
  rapport.verifier()
  const datesMaj = datesMajMax(fusion)
  const datesEvolution = datesSources(manifest, lectures, datesMaj)
  const fusions = etapes.faire('Évolution : lieux connus à chaque date', () => fusionsParDate(lectures, datesEvolution))

  const id = `${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`
  mkdirSync(dirname(options.sortie), { recursive: true })
  const temporaire = `${options.sortie}.tmp-${process.pid}`
  supprimerTemporairesOrphelins(options.sortie)
  rmSync(temporaire, { force: true })
  try {
    const db = new Database(temporaire)
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.exec(readFileSync(CHEMIN_SCHEMA, 'utf8'))
    etapes.faire('Écriture SQLite', () =>
      db.transaction(() => {
        ecrireTerritoires(db, cog, communes, arrondissements, contours)
        ecrireIndicateurs(db, communes, indicateurs)
        ecrireLieux(db, fusion)
        ecrireCarreaux(db, carreaux.carreaux, carreaux.demande)
        ecrirePlusProchesCarreaux(db)
        ecrireEvolution(db, datesEvolution, fusions, fusion)
        const insertRejet = db.prepare('INSERT INTO rejet (jeu, fichier, ligne, champ, motif) VALUES (?, ?, ?, ?, ?)')
        for (const r of rapport.rejets) insertRejet.run(r.jeu, r.fichier, r.ligne, r.champ, r.motif)
        const insertCompte = db.prepare('INSERT INTO source_compte (jeu, fichier, lus, gardes, fusionnes, rejetes) VALUES (?, ?, ?, ?, ?, ?)')
        for (const c of rapport.comptes.values()) insertCompte.run(c.jeu, c.fichier, c.lus, c.gardes, c.fusionnes, c.rejetes)
        // An optional source whose file is absent is not part of this import; each lieux source carries its latest date_maj.
        const sources = manifest.filter((m) => !m.optionnel || chemins.has(m.jeu)).map((m) => ({
          ...m, ...(rapport.comptes.get(m.jeu) ?? { lus: 0, gardes: 0, fusionnes: 0, rejetes: 0 }), ...(datesMaj.has(m.jeu) ? { dateMajMax: datesMaj.get(m.jeu) } : {}),
        }))
        db.prepare('INSERT INTO import (id, date, duree_ms, sources) VALUES (?, ?, ?, ?)').run(
          id, new Date().toISOString(), Math.round(performance.now() - debut), JSON.stringify(sources))
      })())
    db.exec('ANALYZE')
    db.close()
    renameSync(temporaire, options.sortie)
  } catch (e) {
    rmSync(temporaire, { force: true })
    throw e
  }
  ecrireRejetsCsv(resolve(dirname(options.sortie), 'rejets.csv'), rapport.rejets)
  etapes.fin()
  return { id, dureeMs: Math.round(performance.now() - debut), communes: communes.length, lieux: fusion.lieux.length, rapport, centres, carreaux: carreaux.bilan }
}

/** Removes the temporary files of builds that were killed (SIGKILL, power loss): their process is gone, the file stays. */
function supprimerTemporairesOrphelins(sortie: string): void {
  const prefixe = `${basename(sortie)}.tmp-`
  for (const nom of readdirSync(dirname(sortie))) {
    // The temporary file and SQLite's side files (-journal, -wal, -shm) carry the builder's pid.
    const pid = nom.startsWith(prefixe) ? Number(/^(\d+)(?:-journal|-wal|-shm)?$/.exec(nom.slice(prefixe.length))?.[1]) : Number.NaN
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue
    try {
      process.kill(pid, 0)
    } catch (e) {
      // ESRCH: no such process. EPERM means it is alive (another user's build): leave its file alone.
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(dirname(sortie), nom), { force: true })
    }
  }
}

/** One line on the derived commune centres, naming the polygons that have no area. */
export function resumeCentres(c: BilanCentres): string {
  const { centroid, scanline, sommets } = c.parMethode
  return `Centres des communes dérivés des contours : ${centroid} centroïdes, ${scanline} milieux de segment intérieur, ${sommets} moyennes de sommets` +
    (c.sansSurface.length > 0 ? ` (contours d'aire nulle : ${c.sansSurface.join(', ')})` : '')
}

function principal(): void {
  const sources = dossierSources()
  const sortie = process.env.MAILLAGE_BASE ? resolve(process.env.MAILLAGE_BASE) : CHEMIN_BASE_DEFAUT
  console.log(`Construction de la base de référence\n  sources : ${sources}\n  base    : ${sortie}`)
  const r = construireBase({ sources, sortie })
  console.log(`\n${resumeComptes(r.rapport)}`)
  console.log(`\n${resumeCentres(r.centres)}`)
  console.log(`\n${resumeCarreaux(r.carreaux)}`)
  console.log(`\nBase ${r.id} construite en ${(r.dureeMs / 1000).toFixed(1)} s : ${r.communes} communes, ${r.lieux} lieux, ${r.rapport.rejets.length} lignes rejetées (rapport : ${resolve(dirname(sortie), 'rejets.csv')}).`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    principal()
  } catch (e) {
    console.error(`\nÉchec de la construction : ${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  }
}
