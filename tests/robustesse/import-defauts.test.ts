import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { construireBase } from '../../scripts/build-db.ts'
import { lireImport } from '../../server/db/imports.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { copieSourcesMini, COG_MINI, manifestPour } from './helpers/sources.ts'

let dossierBase: string
let base: string
let idPrecedent: string
let empreintePrecedente: string

const empreinte = (chemin: string) => createHash('sha256').update(readFileSync(chemin)).digest('hex')

// The manifest is taken after each fault is made, so that what is checked here is how the build reads a
// damaged file; the checksums that catch such files before reading are tested in sources-manifest.test.ts.
const construire = (sources: string, sortie = base) =>
  construireBase({ sources, sortie, dossierCog: COG_MINI, silencieux: true, manifest: manifestPour(sources) })

beforeAll(() => {
  // GIVEN a database already built and served from the mini sources
  dossierBase = mkdtempSync(join(tmpdir(), 'maillage-servie-'))
  base = join(dossierBase, 'maillage.sqlite')
  const sources = copieSourcesMini()
  idPrecedent = construire(sources).id
  rmSync(dirname(sources), { recursive: true, force: true })
  empreintePrecedente = empreinte(base)
})

afterAll(() => rmSync(dossierBase, { recursive: true, force: true }))

type Defaut = Readonly<{ nom: string; fichier: string; abimer: (chemin: string) => void; message: RegExp }>

const remplacer = (chemin: string, f: (s: string) => string) => writeFileSync(chemin, f(readFileSync(chemin, 'utf8')))
const ajouterLigne = (ligne: string) => (chemin: string) => remplacer(chemin, (s) => `${s.trimEnd()}\n${ligne}\n`)
const FS = 'france-services-2024-08.csv'

// Faults that make a whole source unreadable: the build must stop, say where and why, and leave the served database alone.
const ARRETS: readonly Defaut[] = [
  { nom: 'a closing quote followed by junk', fichier: FS, abimer: ajouterLigne('"9","26","Mairie "annexe" de Die","rue"'),
    message: /france-services-2024-08\.csv : ligne 6 : guillemet fermant suivi d'un caractère inattendu$/ },
  { nom: 'a quote never closed', fichier: FS, abimer: ajouterLigne('"9","26","jamais fermé'),
    message: /france-services-2024-08\.csv : ligne 6 : guillemet ouvert jamais fermé/ },
  { nom: 'a truncated gzip', fichier: 'communes-2026.geojson.gz', abimer: (c) => writeFileSync(c, readFileSync(c).subarray(0, 200)),
    message: /communes-2026\.geojson\.gz : archive gzip tronquée ou illisible \(unexpected end of file\)/ },
  { nom: 'a file that is not gzip at all', fichier: 'communes-2026.geojson.gz', abimer: (c) => writeFileSync(c, '{"type":"FeatureCollection"}'),
    message: /communes-2026\.geojson\.gz : archive gzip tronquée ou illisible/ },
  { nom: 'a CSV in Latin-1', fichier: FS, abimer: (c) => writeFileSync(c, Buffer.from(readFileSync(c, 'utf8'), 'latin1')),
    message: /france-services-2024-08\.csv : ligne 2 : le fichier n'est pas en UTF-8/ },
  { nom: 'a JSON in Latin-1', fichier: 'cnfs-lieux-2022.json', abimer: (c) => writeFileSync(c, Buffer.from(readFileSync(c, 'utf8'), 'latin1')),
    message: /cnfs-lieux-2022\.json : ligne \d+ : le fichier n'est pas en UTF-8/ },
  { nom: 'a missing column', fichier: FS, abimer: (c) => remplacer(c, (s) => s.replace('"latitude",', '"lat",')),
    message: /france-services-2024-08\.csv : ligne 1 \(en-tête\) : colonne\(s\) absente\(s\) : latitude$/ },
  { nom: 'an empty CSV', fichier: FS, abimer: (c) => writeFileSync(c, ''), message: /france-services-2024-08\.csv : fichier vide$/ },
  { nom: 'a CSV with a header and no row', fichier: FS, abimer: (c) => remplacer(c, (s) => `${s.split('\n')[0]}\n`),
    message: /france-services-2024-08\.csv : aucune ligne de données après l'en-tête$/ },
  { nom: 'an empty JSON', fichier: 'cnfs-lieux-2022.json', abimer: (c) => writeFileSync(c, ''), message: /cnfs-lieux-2022\.json : fichier vide$/ },
  { nom: 'a truncated JSON', fichier: 'cnfs-lieux-2022.json', abimer: (c) => remplacer(c, (s) => s.slice(0, Math.floor(s.length / 2))),
    message: /cnfs-lieux-2022\.json : ligne \d+ : JSON mal formé ou tronqué/ },
  { nom: 'a JSON record that is not an object', fichier: 'cnfs-lieux-2022.json', abimer: (c) => remplacer(c, (s) => JSON.stringify([...JSON.parse(s), null])),
    message: /cnfs-lieux-2022\.json : enregistrement 3 : un objet JSON est attendu \(reçu null\)$/ },
  { nom: 'an empty GeoJSON', fichier: 'departements-2026.geojson', abimer: (c) => writeFileSync(c, ''), message: /departements-2026\.geojson : fichier vide$/ },
  { nom: 'a GeoJSON feature that is not an object', fichier: 'departements-2026.geojson',
    abimer: (c) => remplacer(c, (s) => { const g = JSON.parse(s); g.features.push(5); return JSON.stringify(g) }),
    message: /departements-2026\.geojson : entité \d+ : un objet JSON est attendu \(reçu number\)$/ },
  { nom: 'a JSON where a GeoJSON FeatureCollection is expected', fichier: 'departements-2026.geojson', abimer: (c) => writeFileSync(c, 'null'),
    message: /departements-2026\.geojson : une FeatureCollection GeoJSON est attendue$/ },
]

describe('a build from faulty sources', () => {
  it.each(ARRETS)('stops on $nom in $fichier, naming file, line and reason, and the served database is unchanged', ({ fichier, abimer, message }) => {
    // GIVEN the mini sources with one fault
    const sources = copieSourcesMini()
    abimer(join(sources, fichier))
    try {
      // WHEN the database is rebuilt over the served one THEN the build stops with a precise French message
      expect(() => construire(sources)).toThrow(message)
    } finally {
      rmSync(dirname(sources), { recursive: true, force: true })
    }
    // AND the served database is byte for byte the previous one, still opens, and no temporary file is left
    expect(empreinte(base)).toBe(empreintePrecedente)
    expect(lireImport(ouvrirBase(base)).id).toBe(idPrecedent)
    expect(readdirSync(dossierBase)).toEqual(['maillage.sqlite', 'rejets.csv'])
  })

  // Faults confined to one row: the build goes on and reports the row.
  // ligne 0 and champ '' mean: the last line of the file, whatever field the importer names.
  const REJETS: readonly (Omit<Defaut, 'message'> & { ligne: number; champ: string; motif: RegExp })[] = [
    { nom: 'a row with too few fields', fichier: FS, abimer: ajouterLigne('"9","26"'), ligne: 6, champ: 'lib_fs', motif: /^nom absent$/ },
    { nom: 'a row of control characters', fichier: FS, abimer: ajouterLigne('\u0001\u0002,,;;'), ligne: 6, champ: 'insee_com', motif: /^aucune position/ },
    { nom: 'a row with non-numeric coordinates', fichier: FS, abimer: ajouterLigne('"9","26","Bus France services","rue",,"26113","26150","Die","NaN","1e999"'),
      ligne: 6, champ: 'latitude', motif: /^coordonnées non numériques/ },
    { nom: 'an IFN row with too few fields', fichier: 'ifn-communes-2023.csv', abimer: ajouterLigne('Die,city'), ligne: 0, champ: '', motif: /./ },
    { nom: 'a 2023 structures row with too few fields', fichier: 'cnfs-structures-2023-04.csv', abimer: ajouterLigne('MAIRIE'), ligne: 0, champ: '', motif: /./ },
    { nom: 'an Aidants Connect row with too few fields', fichier: 'aidants-connect-structures-2024-02.csv', abimer: ajouterLigne('X'), ligne: 0, champ: '', motif: /./ },
  ]

  it.each(REJETS)('rejects $nom in $fichier with its line and a French reason, and builds the rest', ({ fichier, abimer, ligne, champ, motif }) => {
    const sources = copieSourcesMini()
    const autre = join(dirname(sources), 'base.sqlite')
    abimer(join(sources, fichier))
    const lignesFichier = readFileSync(join(sources, fichier), 'utf8').trimEnd().split('\n').length
    try {
      const resume = construire(sources, autre)
      const rejet = resume.rapport.rejets.find((r) => r.fichier === fichier && r.ligne === (ligne || lignesFichier))
      expect(rejet, JSON.stringify(resume.rapport.rejets.filter((r) => r.fichier === fichier))).toBeDefined()
      if (champ) expect(rejet!.champ).toBe(champ)
      expect(rejet!.motif).toMatch(motif)
      expect(existsSync(autre)).toBe(true)
    } finally {
      rmSync(dirname(sources), { recursive: true, force: true })
    }
  })
})
