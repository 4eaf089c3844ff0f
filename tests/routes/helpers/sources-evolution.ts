import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { seeded } from '../../spatial/helpers/aleatoire.ts'

/** Rectangles of the mini communes (tests/fixtures/sources-mini/communes-2026.geojson), with their code INSEE. */
const COMMUNES = [
  { code: '26113', cp: '26150', bbox: [5.3, 44.7, 5.45, 44.8] },
  { code: '26001', cp: '26150', bbox: [5.45, 44.7, 5.6, 44.8] },
  { code: '75056', cp: '75001', bbox: [2.3, 48.85, 2.4, 48.87] },
  { code: '97411', cp: '97400', bbox: [55.4, -20.95, 55.5, -20.85] },
] as const

// Small pools, so that records share SIRETs and names within and across sources: merges, and positions lent by SIRET.
const SIRETS = ['21260113200019', '22222222222222', '33333333333333', '44444444444444', '55555555555555', '66666666666666']
const NOMS = ['Médiathèque', 'Mairie', 'Espace numérique', 'Centre social', 'Tiers-lieu']

const cellule = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`

/** Appends rows to a CSV file of the copy, under its own header (every cell quoted, RFC 4180). */
function ajouterCsv(chemin: string, lignes: readonly Record<string, string | number>[]): void {
  const texte = readFileSync(chemin, 'utf8')
  const [entete] = parse(texte, { to_line: 1 }) as string[][]
  const corps = lignes.map((l) => entete!.map((c) => cellule(l[c] ?? '')).join(',')).join('\n')
  writeFileSync(chemin, `${texte.replace(/\n*$/, '\n')}${corps}\n`)
}

function ajouterJson(chemin: string, lignes: readonly Record<string, unknown>[]): void {
  writeFileSync(chemin, JSON.stringify([...(JSON.parse(readFileSync(chemin, 'utf8')) as unknown[]), ...lignes]))
}

/**
 * Adds `n` seeded records to each lieux source of a copy of the mini sources: around a dozen sites inside the mini
 * communes, with names and SIRETs drawn from small pools, so records merge within and across sources (a France
 * services absorbs the earlier records of its site and places the lieu), and records without coordinates borrow
 * positions by SIRET.
 */
export function ajouterLieuxAleatoires(dossier: string, graine: number, n: number): void {
  const rnd = seeded(graine)
  const tirer = <T>(liste: readonly T[]): T => liste[Math.floor(rnd() * liste.length)]!
  // A dozen sites, each recorded by several sources a few tens of metres apart, often under the same name or SIRET.
  const sites = Array.from({ length: 12 }, (_, k) => {
    const c = tirer(COMMUNES)
    const [x0, y0, x1, y1] = c.bbox
    return { c, longitude: x0 + rnd() * (x1 - x0), latitude: y0 + rnd() * (y1 - y0), nom: `${tirer(NOMS)} ${k}`, siret: tirer(SIRETS) }
  })
  const lieu = () => {
    const site = tirer(sites)
    const bouger = () => (rnd() - 0.5) * 0.001
    return {
      c: site.c,
      longitude: +(site.longitude + bouger()).toFixed(5),
      latitude: +(site.latitude + bouger()).toFixed(5),
      nom: rnd() < 0.6 ? site.nom : `${tirer(NOMS)} ${site.c.code}`,
      siret: rnd() < 0.6 ? site.siret : tirer(SIRETS),
    }
  }
  const suite = <T>(f: (k: number) => T): T[] => Array.from({ length: n }, (_, k) => f(k))

  ajouterJson(join(dossier, 'cnfs-structures-2021-06.json'), suite((k) => {
    const l = lieu()
    return { id: 100 + k, raison_sociale: l.nom, nb_cnfs: 1 + Math.floor(rnd() * 3), type: rnd() < 0.5 ? 'publique' : 'privée', siret: l.siret, insee_com: l.c.code,
      code_postal_bis: l.c.cp, adresse: 'rue', latitude: l.latitude, longitude: l.longitude, zrr: 'non', qpv: 'non', 'date_de_validation_en_comité_de_sélection': '2021-05-19' }
  }))
  for (const [fichier, prefixe] of [['cnfs-lieux-2022.json', 'p'], ['lieux-hinaura-2022.json', 'h']] as const)
    ajouterJson(join(dossier, fichier), suite((k) => {
      const l = lieu()
      return { id: `${prefixe}${k}`, nom: l.nom, code_postal: l.c.cp, adresse: 'rue', latitude: l.latitude, longitude: l.longitude, pivot: rnd() < 0.7 ? l.siret : '00000000000000', date_maj: '2022-07-01' }
    }))
  ajouterCsv(join(dossier, 'cnfs-structures-2023-04.csv'), suite(() => {
    const l = lieu()
    return { 'Raison sociale': l.nom, 'Nombre de conseillers validés par le COSELEC': 1 + Math.floor(rnd() * 2), 'Date de validation en comité de sélection': '01/02/2023',
      Type: rnd() < 0.5 ? 'publique' : 'privée', SIRET: l.siret, Adresse: 'rue', 'Code commune INSEE': l.c.code, 'Code postal': l.c.cp, ZRR: 'non', QPV: 'non', code_insee_norm: l.c.code }
  }))
  ajouterCsv(join(dossier, 'aidants-connect-structures-2024-02.csv'), suite((k) => {
    const l = lieu()
    return { Name: l.nom, ID: 100 + k, UUID: `a${k}`, 'Is Active': rnd() < 0.9 ? 'true' : 'false', 'City Insee Code': l.c.code, Address: 'rue', 'Zip Code': l.c.cp, Siret: l.siret,
      'France Services Label': 'false', City: 'ville', "Nombre d'aidants": 1 }
  }))
  ajouterCsv(join(dossier, 'france-services-2024-08.csv'), suite((k) => {
    const l = lieu()
    return { id_fs: 100 + k, insee_dep: l.c.code.slice(0, 2), lib_fs: l.nom, adresse: 'rue', insee_com: l.c.code, code_postal: l.c.cp, lib_com: 'ville',
      latitude: l.latitude, longitude: l.longitude, prise_rdv: 'Non', type_fs: 'Principal', format_fs: 'Fixe' }
  }))
}

/** Removes the lieux sources not in `gardes` from a copy, and marks them optional in its manifest (a build without them). */
export function retirerSources<M extends Readonly<{ jeu: string; fichier: string; optionnel?: boolean }>>(dossier: string, manifest: readonly M[], retirees: ReadonlySet<string>): M[] {
  for (const m of manifest) if (retirees.has(m.jeu)) rmSync(join(dossier, m.fichier), { force: true })
  return manifest.map((m) => (retirees.has(m.jeu) ? { ...m, optionnel: true } : m))
}
