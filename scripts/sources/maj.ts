import { resolve } from 'node:path'
import { CHEMIN_MANIFEST, DOSSIER_SOURCES_DEFAUT } from '../lib/sources.ts'
import { mettreAJourSources, TELECHARGEMENT_DEFAUT, type OptionsMiseAJour } from './mise-a-jour.ts'

const AIDE = `Usage : npm run sources:maj -- [jeu…] [--essai] [--oui] [--delai-connexion=ms] [--delai-inactivite=ms] [--tentatives=n]
  jeu…                 les sources à mettre à jour (par leur « jeu » dans data/sources.json) ; toutes par défaut
  --essai              télécharge et vérifie, dit ce qui changerait, n'écrit rien
  --oui                accepte un fichier CSV dont les colonnes ont changé (les champs attendus doivent y être)
  --delai-connexion    attente maximale de la réponse du serveur, en ms (${TELECHARGEMENT_DEFAUT.delaiConnexionMs})
  --delai-inactivite   silence maximal pendant le transfert, en ms (${TELECHARGEMENT_DEFAUT.delaiInactiviteMs})
  --tentatives         essais par fichier, sur erreur réseau ou 5xx seulement (${TELECHARGEMENT_DEFAUT.tentatives})
Variable MAILLAGE_MIROIR : adresse d'un miroir qui sert chaque fichier sous son nom (\${MAILLAGE_MIROIR}/<fichier>).`

function entier(nom: string, valeur: string): number {
  const n = Number(valeur)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${nom} attend un entier positif (reçu « ${valeur} »)`)
  return n
}

/** The command line, read into the options of mettreAJourSources. */
export function lireArguments(args: readonly string[], env: NodeJS.ProcessEnv): OptionsMiseAJour & { aide: boolean } {
  const jeux: string[] = []
  const telechargement: { delaiConnexionMs?: number; delaiInactiviteMs?: number; tentatives?: number } = {}
  let essai = false
  let oui = false
  let aide = false
  for (const arg of args) {
    const [nom, valeur] = arg.startsWith('--') ? [arg.slice(2).split('=')[0]!, arg.split('=').slice(1).join('=')] : [undefined, arg]
    if (nom === undefined) jeux.push(valeur)
    else if (nom === 'essai') essai = true
    else if (nom === 'oui') oui = true
    else if (nom === 'aide' || nom === 'help') aide = true
    else if (nom === 'delai-connexion') telechargement.delaiConnexionMs = entier(nom, valeur)
    else if (nom === 'delai-inactivite') telechargement.delaiInactiviteMs = entier(nom, valeur)
    else if (nom === 'tentatives') telechargement.tentatives = entier(nom, valeur)
    else throw new Error(`option inconnue : ${arg}\n${AIDE}`)
  }
  const miroir = env.MAILLAGE_MIROIR?.trim()
  if (miroir && !/^https?:\/\//.test(miroir)) throw new Error(`MAILLAGE_MIROIR doit être une adresse http(s) (reçu « ${miroir} »)`)
  return { jeux, essai, oui, aide, telechargement, ...(miroir ? { miroir } : {}) }
}

async function principal(): Promise<number> {
  const options = lireArguments(process.argv.slice(2), process.env)
  if (options.aide) {
    console.log(AIDE)
    return 0
  }
  console.log(`Mise à jour des sources${options.essai ? ' (essai)' : ''}\n  dossier   : ${DOSSIER_SOURCES_DEFAUT}\n  manifeste : ${CHEMIN_MANIFEST}` +
    (options.miroir ? `\n  miroir    : ${options.miroir}` : ''))
  const resultats = await mettreAJourSources(DOSSIER_SOURCES_DEFAUT, CHEMIN_MANIFEST, options)
  const echecs = resultats.filter((r) => r.etat === 'echec').length
  const compte = (etat: string) => resultats.filter((r) => r.etat === etat).length
  console.log(`\n${compte('installee')} installée(s), ${compte('a-installer')} à installer (essai), ${compte('inchangee')} inchangée(s), ` +
    `${compte('ignoree')} sans adresse, ${echecs} en échec.` +
    (compte('installee') > 0 ? ' Reconstruisez la base : npm run build:data.' : ''))
  return echecs > 0 ? 1 : 0
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  principal().then((code) => process.exit(code), (e: unknown) => {
    console.error(`\nÉchec de la mise à jour des sources : ${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  })
}
