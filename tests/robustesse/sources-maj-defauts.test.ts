import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mettreAJourSources, type OptionsMiseAJour } from '../../scripts/sources/mise-a-jour.ts'
import { preparerBancMaj, type BancMaj } from './helpers/banc-maj.ts'
import type { Panne } from './helpers/miroir.ts'

const FICHIER = 'france-services-2024-08.csv'
// Short delays so that retries and timeouts take a fraction of a second; the behaviour is the same.
const RAPIDE = { delaiConnexionMs: 300, delaiInactiviteMs: 300, tentatives: 3, attenteMs: 10 }

describe('npm run sources:maj when a download goes wrong', () => {
  let banc: BancMaj
  beforeEach(async () => {
    banc = await preparerBancMaj()
    // The mirror holds a newer list, so that only the fault stands between it and the bundle.
    const chemin = join(banc.dossierMiroir, FICHIER)
    writeFileSync(chemin, readFileSync(chemin, 'utf8').replace('France services Paris Centre', 'France services Paris 1er'))
  })
  afterEach(() => banc.fermer())

  async function majAvecPanne(panne: Panne | undefined, options: OptionsMiseAJour = {}) {
    if (panne) banc.miroir.pannes.set(FICHIER, panne)
    const avant = banc.empreintes()
    const journal: string[] = []
    const resultats = await mettreAJourSources(banc.dossier, banc.cheminManifest, {
      jeux: ['france-services'], miroir: banc.miroir.url, telechargement: RAPIDE, journal: (l) => journal.push(l), ...options,
    })
    return { avant, apres: banc.empreintes(), resultats, journal, requetes: banc.miroir.requetes.get(FICHIER) ?? 0 }
  }

  it.each<[string, Panne, RegExp, number]>([
    ['a 404, without retrying it', { type: 'statut', statut: 404 }, /le serveur répond 404 \(fichier introuvable\)/, 1],
    ['a 500, after retrying it three times', { type: 'statut', statut: 500 }, /le serveur répond 500 .*\(3 tentatives\)/, 3],
    ['a connection reset in the middle of the body', { type: 'coupure' }, /connexion coupée pendant le transfert .*\(3 tentatives\)/, 3],
    ['a truncated gzip archive, without retrying it', { type: 'gzip-tronque' }, /archive gzip tronquée ou illisible/, 1],
    ['an HTML page instead of the CSV', { type: 'corps', corps: '<!DOCTYPE html>\n<html><body>Maintenance</body></html>' }, /page HTML reçue au lieu du fichier CSV attendu/, 1],
    ['a server that never answers, after its 300 ms timeout', { type: 'muet' }, /pas de réponse du serveur en 300 ms .*\(3 tentatives\)/, 3],
    ['a body that stops arriving, after its 300 ms idle timeout', { type: 'fige' }, /transfert interrompu : rien reçu pendant 300 ms .*\(3 tentatives\)/, 3],
  ])('refuses %s, names the source and the cause in French, and leaves the bundle and manifest byte-identical', async (_titre, panne, cause, requetes) => {
    if (panne.type === 'gzip-tronque') {
      // The truncated archive is made from a gzipped copy on the mirror.
      const { gzipSync } = await import('node:zlib')
      writeFileSync(join(banc.dossierMiroir, `${FICHIER}.gz`), gzipSync(readFileSync(join(banc.dossierMiroir, FICHIER))))
    }
    const r = await majAvecPanne(panne)
    expect(r.resultats).toHaveLength(1)
    expect(r.resultats[0]!.etat).toBe('echec')
    expect(r.resultats[0]!.message).toMatch(/^france-services \(france-services-2024-08\.csv\) : /)
    expect(r.resultats[0]!.message).toMatch(cause)
    expect(r.journal.join('\n')).toContain(r.resultats[0]!.message)
    expect(r.requetes).toBe(requetes)
    expect(r.apres).toEqual(r.avant)
  })

  it('refuses a CSV that lost a column the build reads, naming the column', async () => {
    const chemin = join(banc.dossierMiroir, FICHIER)
    writeFileSync(chemin, readFileSync(chemin, 'utf8').replace('"lib_fs"', '"libelle"'))
    const r = await majAvecPanne(undefined)
    expect(r.resultats[0]!.message).toMatch(/^france-services \(france-services-2024-08\.csv\) : ligne 1 \(en-tête\) : colonne\(s\) absente\(s\) : lib_fs$/)
    expect(r.apres).toEqual(r.avant)
  })

  it('refuses a CSV whose columns changed unless --oui is given, and then installs it', async () => {
    const chemin = join(banc.dossierMiroir, FICHIER)
    writeFileSync(chemin, readFileSync(chemin, 'utf8').replace(',"labellisation_fs"', ',"labellisation_fs","date_maj"'))
    const refuse = await majAvecPanne(undefined)
    expect(refuse.resultats[0]!.message).toBe(
      'france-services (france-services-2024-08.csv) : les colonnes ont changé (+ date_maj) ; relancez avec --oui pour accepter ce fichier')
    expect(refuse.apres).toEqual(refuse.avant)

    const accepte = await majAvecPanne(undefined, { oui: true })
    expect(accepte.resultats[0]!.etat).toBe('installee')
    expect(accepte.apres.get('france-services-2024-08.csv.gz')).not.toBe(accepte.avant.get('france-services-2024-08.csv.gz'))
  })

  it('installs the sources that succeeded and leaves the one that failed as it was', async () => {
    banc.miroir.pannes.set(FICHIER, { type: 'statut', statut: 404 })
    const ifn = join(banc.dossierMiroir, 'ifn-communes-2023.csv')
    writeFileSync(ifn, readFileSync(ifn, 'utf8').replace('Die,city,26113,8.0', 'Die,city,26113,9.0'))
    const avant = banc.empreintes()
    const entreeFranceServices = () => (JSON.parse(readFileSync(banc.cheminManifest, 'utf8')) as { sources: { jeu: string }[] })
      .sources.find((s) => s.jeu === 'france-services')
    const entreeAvant = entreeFranceServices()
    const resultats = await mettreAJourSources(banc.dossier, banc.cheminManifest, {
      jeux: ['france-services', 'ifn'], miroir: banc.miroir.url, telechargement: RAPIDE, journal: () => {},
    })
    expect(resultats.map((r) => [r.jeu, r.etat])).toEqual([['france-services', 'echec'], ['ifn', 'installee']])
    const apres = banc.empreintes()
    expect(apres.get('france-services-2024-08.csv')).toBe(avant.get('france-services-2024-08.csv'))
    expect(apres.get('ifn-communes-2023.csv.gz')).not.toBe(avant.get('ifn-communes-2023.csv.gz'))
    expect(apres.get('sources.json')).not.toBe(avant.get('sources.json'))
    expect(entreeFranceServices()).toEqual(entreeAvant)
  })
})
