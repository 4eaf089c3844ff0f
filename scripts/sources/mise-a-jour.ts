import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import cliProgress from 'cli-progress'
import { cheminSource, empreinteSha256, lireManifestComplet, type EntreeManifest } from '../lib/sources.ts'
import { COLONNE_CODE_INSEE_LIEUX, ecartsParDepartement, ligneComptes, ligneDepartements, lieuxParDepartement } from './bilan.ts'
import { ecrireManifest } from './ecriture-manifest.ts'
import { telecharger, type OptionsTelechargement } from './telechargement.ts'
import { changementColonnes, contenuEnClair, lireContenu, verifierNature, type ContenuLu } from './verification.ts'

export type OptionsMiseAJour = Readonly<{
  /** Sources to update, by `jeu`; all of them when empty. */
  jeux?: readonly string[]
  /** Base URL of a mirror serving every file by its plain name (MAILLAGE_MIROIR). */
  miroir?: string
  /** Download and check, print what would change, write nothing. */
  essai?: boolean
  /** Accept a CSV whose columns changed (the manifest's `champs` must still be there). */
  oui?: boolean
  /** Date written as `recupere` (YYYY-MM-DD); today by default. */
  aujourdhui?: string
  telechargement?: Partial<Omit<OptionsTelechargement, 'progression'>>
  /** Where the French report goes, line by line (console.log by default). */
  journal?: (ligne: string) => void
  /** Progress bar on stdout; by default only when stdout is a terminal. */
  barre?: boolean
}>

export type EtatSource = 'installee' | 'inchangee' | 'a-installer' | 'ignoree' | 'echec'

export type ResultatSource = Readonly<{
  jeu: string
  etat: EtatSource
  message: string
  lignesAvant?: number | undefined
  lignesApres?: number
  /** Lieux gained (+) or lost (−) per département, for the lieux sources that carry a code INSEE. */
  departements?: [string, number][]
}>

export const TELECHARGEMENT_DEFAUT: Omit<OptionsTelechargement, 'progression'> = {
  delaiConnexionMs: 30_000, delaiInactiviteMs: 60_000, tentatives: 3, attenteMs: 1_000,
}

type Pret = { entree: EntreeManifest; contenu: Buffer; resultat: ResultatSource }

/**
 * `npm run sources:maj`: fetches today's file of each source that has a stable URL (or every file
 * source from a mirror), checks it with the build's readers, then installs it in `dossierSources` as
 * `<fichier>.gz` and records its sha256, size and date in the manifest. Nothing is written before every
 * selected download has been checked; each file and the manifest are written beside their target and
 * renamed into place. A source that fails leaves its file and its manifest entry as they were.
 */
export async function mettreAJourSources(dossierSources: string, cheminManifest: string, options: OptionsMiseAJour = {}): Promise<ResultatSource[]> {
  const journal = options.journal ?? ((l: string) => console.log(l))
  const manifest = lireManifestComplet(cheminManifest)
  const inconnus = (options.jeux ?? []).filter((j) => !manifest.sources.some((s) => s.jeu === j))
  if (inconnus.length > 0)
    throw new Error(`Jeu(x) inconnu(s) : ${inconnus.join(', ')} (jeux du manifeste : ${manifest.sources.map((s) => s.jeu).join(', ')})`)
  const choisies = manifest.sources.filter((s) => !options.jeux?.length || options.jeux.includes(s.jeu))
  const aujourdhui = options.aujourdhui ?? new Date().toISOString().slice(0, 10)
  const dossierTemporaire = mkdtempSync(join(tmpdir(), 'maillage-maj-'))
  const resultats: ResultatSource[] = []
  const prets: Pret[] = []
  try {
    for (const entree of choisies) {
      const r = await preparer(entree, dossierSources, dossierTemporaire, options)
      if ('contenu' in r) prets.push(r)
      resultats.push('contenu' in r ? r.resultat : r)
      journal(ligneResultat('contenu' in r ? r.resultat : r, options.essai === true))
    }
  } finally {
    rmSync(dossierTemporaire, { recursive: true, force: true })
  }
  if (options.essai || prets.length === 0) return resultats

  installer(dossierSources, prets)
  const nouvelles = new Map(prets.map((p) => [p.entree.jeu, entreeMiseAJour(p, aujourdhui)]))
  ecrireManifest(cheminManifest, { ...manifest, sources: manifest.sources.map((s) => nouvelles.get(s.jeu) ?? s) })
  journal(`Manifeste mis à jour : ${cheminManifest}`)
  return resultats.map((r) => (r.etat === 'a-installer' ? { ...r, etat: 'installee' } : r))
}

async function preparer(entree: EntreeManifest, dossier: string, temporaire: string, options: OptionsMiseAJour): Promise<Pret | ResultatSource> {
  const { jeu, fichier } = entree
  const ignoree = (message: string): ResultatSource => ({ jeu, etat: 'ignoree', message })
  const echec = (cause: string): ResultatSource => ({ jeu, etat: 'echec', message: `${jeu} (${fichier}) : ${cause}` })
  if (fichier.startsWith('npm:')) return ignoree(`${jeu} : paquet npm (${fichier.slice(4)}), mis à jour par npm et non par cette commande`)
  const url = options.miroir ? `${options.miroir.replace(/\/+$/, '')}/${fichier}` : entree.url
  if (!url) return ignoree(`${jeu} : pas d'adresse stable du fichier, mise à jour à la main (${entree.amont})`)

  let telechargement: Awaited<ReturnType<typeof telecharger>>
  const barre = nouvelleBarre(options.barre ?? process.stdout.isTTY === true, fichier)
  try {
    telechargement = await telecharger(url, { ...TELECHARGEMENT_DEFAUT, ...options.telechargement, progression: barre.progression })
  } catch (e) {
    return echec(`${e instanceof Error ? e.message : String(e)} — ${url}`)
  } finally {
    barre.fin()
  }
  let contenu: Buffer
  let nouveau: ContenuLu
  try {
    contenu = contenuEnClair(telechargement.octets)
    // The bundle's copy was checked when it was installed: the same bytes need no second reading.
    if (empreinteSha256(contenu) === entree.sha256) return { jeu, etat: 'inchangee', message: `${jeu} (${fichier})` }
    verifierNature(entree, contenu)
    const chemin = join(temporaire, fichier)
    writeFileSync(chemin, contenu)
    nouveau = lireContenu(entree, chemin)
  } catch (e) {
    return echec(e instanceof Error ? e.message : String(e))
  }

  const ancien = lireAncien(entree, dossier)
  if (ancien?.entete && nouveau.entete && !options.oui) {
    const { ajoutees, retirees } = changementColonnes(ancien.entete, nouveau.entete)
    if (ajoutees.length + retirees.length > 0)
      return echec(`les colonnes ont changé (${[...ajoutees.map((c) => `+ ${c}`), ...retirees.map((c) => `− ${c}`)].join(', ')}) ; ` +
        'relancez avec --oui pour accepter ce fichier')
  }
  const colonne = COLONNE_CODE_INSEE_LIEUX[jeu]
  const resultat: ResultatSource = {
    jeu,
    etat: 'a-installer',
    message: `${jeu} (${fichier})`,
    lignesAvant: ancien?.enregistrements.length,
    lignesApres: nouveau.enregistrements.length,
    ...(colonne ? { departements: ecartsParDepartement(lieuxParDepartement(ancien?.enregistrements ?? [], colonne), lieuxParDepartement(nouveau.enregistrements, colonne)) } : {}),
  }
  return { entree: { ...entree, ...millesimeDuNom(entree, telechargement.nomFichier) }, contenu, resultat }
}

/** The copy in the bundle, read like the download; undefined when it is missing or unreadable. */
function lireAncien(entree: EntreeManifest, dossier: string): ContenuLu | undefined {
  const chemin = cheminSource(dossier, entree.fichier)
  if (!chemin) return undefined
  try {
    return lireContenu(entree, chemin)
  } catch {
    return undefined
  }
}

/**
 * data.gouv.fr serves dated files (`liste-fs-20241001.csv`): when the manifest's millésime is a date,
 * the date in the downloaded file's name replaces it. Other millésimes (a year, a COG) stay as they are.
 */
function millesimeDuNom(entree: EntreeManifest, nom: string | undefined): { millesime?: string } {
  const date = nom ? /(?<![0-9])(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![0-9])/.exec(nom) : null
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(entree.millesime)) return {}
  return { millesime: `${date[1]}-${date[2]}-${date[3]}` }
}

function entreeMiseAJour(p: Pret, aujourdhui: string): EntreeManifest {
  return { ...p.entree, recupere: aujourdhui, sha256: empreinteSha256(p.contenu), octets: p.contenu.length }
}

/** Every file is written as `<fichier>.gz.tmp` first; only when all are written are they renamed into place. */
function installer(dossier: string, prets: readonly Pret[]): void {
  const temporaires = prets.map((p) => ({ tmp: join(dossier, `${p.entree.fichier}.gz.tmp`), final: join(dossier, `${p.entree.fichier}.gz`), p }))
  try {
    for (const t of temporaires) writeFileSync(t.tmp, gzipSync(t.p.contenu, { level: 9 }))
  } catch (e) {
    for (const t of temporaires) rmSync(t.tmp, { force: true })
    throw e
  }
  for (const t of temporaires) renameSync(t.tmp, t.final)
}

function ligneResultat(r: ResultatSource, essai: boolean): string {
  if (r.etat === 'ignoree' || r.etat === 'echec') return `${r.etat === 'echec' ? '✗' : '–'} ${r.message}`
  if (r.etat === 'inchangee') return `= ${r.message} : inchangé (même empreinte sha256)`
  const etat = essai ? 'à installer (essai : rien n\'est écrit)' : 'installé'
  const lignes = [`✓ ${r.message} : ${etat}, ${ligneComptes(r.lignesAvant, r.lignesApres ?? 0)}`]
  if (r.departements) lignes.push(`    lieux par département : ${ligneDepartements(r.departements)}`)
  return lignes.join('\n')
}

/** A byte-count bar for one download, quiet when stdout is not a terminal (CI logs, tests). */
function nouvelleBarre(active: boolean, fichier: string): { progression?: OptionsTelechargement['progression']; fin: () => void } {
  if (!active) return { fin: () => {} }
  const barre = new cliProgress.SingleBar({ format: ` {bar} {percentage}% | {valeur} Mo | ${fichier}`, hideCursor: true }, cliProgress.Presets.shades_classic)
  let demarree = false
  return {
    progression: (recus, total) => {
      if (!demarree) barre.start(total ?? 0, 0, { valeur: '0.0' })
      demarree = true
      if (total === undefined) barre.setTotal(recus)
      barre.update(recus, { valeur: (recus / 1e6).toFixed(1) })
    },
    fin: () => {
      if (demarree) barre.stop()
    },
  }
}
