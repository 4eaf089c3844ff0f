import { createHash } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHEMIN_MANIFEST, type EntreeManifest, type Manifest } from '../../scripts/lib/sources.ts'
import { formaterManifest } from '../../scripts/sources/ecriture-manifest.ts'
import { lireArguments } from '../../scripts/sources/maj.ts'
import { mettreAJourSources } from '../../scripts/sources/mise-a-jour.ts'
import { preparerBancMaj, type BancMaj } from '../robustesse/helpers/banc-maj.ts'

const sha256 = (octets: Uint8Array) => createHash('sha256').update(octets).digest('hex')
const FICHIER = 'france-services-2024-08.csv'

// The fixture has 3 France services (two in 26, one in 75). The new list drops the third one of 26 and
// adds one in Ajaccio (2A) and one in Saint-Denis de La Réunion (974): 3 → 4 rows; 26 −1, 2A +1, 974 +1.
const NOUVELLE_LISTE = (fixture: string) =>
  fixture.replace(/\n"3","26".*$/s, '\n') +
  '"4","2A","France services Ajaccio","1 cours Napoléon",,"2A004","20000","Ajaccio",41.92,8.74,,,,,,,,,"Non",,"Principal","Fixe",,\n' +
  '"5","974","France services Saint-Denis","rue de Paris",,"97411","97400","Saint-Denis",-20.88,55.45,,,,,,,,,"Non",,"Principal","Fixe",,\n'

describe('npm run sources:maj bringing a new file', () => {
  let banc: BancMaj
  let journal: string[]
  beforeEach(async () => {
    banc = await preparerBancMaj()
    journal = []
  })
  afterEach(() => banc.fermer())

  const manifest = () => JSON.parse(readFileSync(banc.cheminManifest, 'utf8')) as Manifest
  const entree = (jeu: string) => manifest().sources.find((s) => s.jeu === jeu)!
  const maj = (options: Parameters<typeof mettreAJourSources>[2] = {}) =>
    mettreAJourSources(banc.dossier, banc.cheminManifest, { miroir: banc.miroir.url, aujourdhui: '2026-11-28', journal: (l) => journal.push(l), ...options })

  function publierNouvelleListe(gzip: boolean): Buffer {
    const chemin = join(banc.dossierMiroir, FICHIER)
    const octets = Buffer.from(NOUVELLE_LISTE(readFileSync(chemin, 'utf8')))
    if (gzip) {
      writeFileSync(`${chemin}.gz`, gzipSync(octets))
      rmSync(chemin)
    } else writeFileSync(chemin, octets)
    return octets
  }

  it.each([['plain', false], ['gzipped', true]])('installs a changed %s file gzipped and records its sha256, size and date', async (_t, gzip) => {
    // GIVEN a newer list on the mirror
    const octets = publierNouvelleListe(gzip)
    const autres = manifest().sources.filter((s) => s.jeu !== 'france-services')

    // WHEN only that source is updated
    const [resultat] = await maj({ jeux: ['france-services'] })

    // THEN the bundle holds the new content, gzipped, and the manifest its checksum, size and date
    expect(resultat!.etat).toBe('installee')
    expect(gunzipSync(readFileSync(join(banc.dossier, `${FICHIER}.gz`)))).toEqual(octets)
    expect(entree('france-services')).toMatchObject({ sha256: sha256(octets), octets: octets.length, recupere: '2026-11-28' })
    // AND the other entries are untouched
    expect(manifest().sources.filter((s) => s.jeu !== 'france-services')).toEqual(autres)
  })

  it('prints the rows before and after and the lieux gained or lost per département', async () => {
    publierNouvelleListe(false)
    await maj({ jeux: ['france-services'] })
    expect(journal[0]).toBe(
      '✓ france-services (france-services-2024-08.csv) : installé, 3 → 4 lignes (+1)\n' +
      '    lieux par département : 26 −1, 2A +1, 974 +1 (3 départements changent)')
    expect(journal[1]).toBe(`Manifeste mis à jour : ${banc.cheminManifest}`)
  })

  it('brings into the bundle an optional source it did not hold yet, which the next build then reads', async () => {
    // GIVEN the national file in the schéma on the mirror (13 hand-written rows), absent from the bundle
    const schema = readFileSync(join(import.meta.dirname, '../fixtures/schema-mediation/lieux-de-mediation-numerique.csv'))
    writeFileSync(join(banc.dossierMiroir, 'lieux-de-mediation-numerique.csv'), schema)
    // WHEN that source is updated
    const [resultat] = await maj({ jeux: ['lieux-mediation-numerique'] })
    // THEN it is installed gzipped, with no row before and 13 after, and the manifest describes it
    expect(resultat).toMatchObject({ etat: 'installee', lignesApres: 13 })
    expect(resultat!.lignesAvant).toBeUndefined()
    expect(gunzipSync(readFileSync(join(banc.dossier, 'lieux-de-mediation-numerique.csv.gz')))).toEqual(schema)
    expect(entree('lieux-mediation-numerique')).toMatchObject({ sha256: sha256(schema), octets: schema.length, recupere: '2026-11-28', optionnel: true })
  })

  it('writes nothing with --essai, and says what would change', async () => {
    publierNouvelleListe(false)
    const avant = banc.empreintes()
    const [resultat] = await maj({ jeux: ['france-services'], essai: true })
    expect(resultat).toMatchObject({ etat: 'a-installer', lignesAvant: 3, lignesApres: 4 })
    expect(journal).toEqual([
      '✓ france-services (france-services-2024-08.csv) : à installer (essai : rien n\'est écrit), 3 → 4 lignes (+1)\n' +
      '    lieux par département : 26 −1, 2A +1, 974 +1 (3 départements changent)'])
    expect(banc.empreintes()).toEqual(avant)
  })

  it('leaves an identical file alone and says so', async () => {
    const avant = banc.empreintes()
    const [resultat] = await maj({ jeux: ['ifn'] })
    expect(resultat!.etat).toBe('inchangee')
    expect(journal).toEqual(['= ifn (ifn-communes-2023.csv) : inchangé (même empreinte sha256)'])
    expect(banc.empreintes()).toEqual(avant)
  })

  it('follows the redirect of a stable URL and takes the millésime from the dated file name', async () => {
    // data.gouv.fr's /datasets/r/<id> answers 302 towards the dated file.
    const octets = Buffer.from(NOUVELLE_LISTE(readFileSync(join(banc.dossierMiroir, FICHIER), 'utf8')))
    writeFileSync(join(banc.dossierMiroir, 'liste-fs-20261101.csv'), octets)
    banc.miroir.pannes.set('datasets/r/abc', { type: 'redirection', vers: 'liste-fs-20261101.csv' })
    const m = manifest()
    const avecUrl: EntreeManifest[] = m.sources.map((s) => (s.jeu === 'france-services' ? { ...s, url: `${banc.miroir.url}/datasets/r/abc` } : s))
    writeFileSync(banc.cheminManifest, formaterManifest({ ...m, sources: avecUrl }))

    const [resultat] = await mettreAJourSources(banc.dossier, banc.cheminManifest, { jeux: ['france-services'], aujourdhui: '2026-11-28', journal: () => {} })

    expect(resultat!.etat).toBe('installee')
    expect(entree('france-services')).toMatchObject({ millesime: '2026-11-01', sha256: sha256(octets), url: `${banc.miroir.url}/datasets/r/abc` })
  })

  it('skips, with a French line, the sources that have no stable URL when no mirror is set', async () => {
    const avant = banc.empreintes()
    const resultats = await mettreAJourSources(banc.dossier, banc.cheminManifest, { jeux: ['cog', 'ifn'], journal: (l) => journal.push(l) })
    expect(resultats.map((r) => r.etat)).toEqual(['ignoree', 'ignoree'])
    expect(journal).toEqual([
      '– cog : paquet npm (@etalab/decoupage-administratif@6.0.0), mis à jour par npm et non par cette commande',
      '– ifn : pas d\'adresse stable du fichier, mise à jour à la main (https://fragilite-numerique.fr/)',
    ])
    expect(banc.empreintes()).toEqual(avant)
  })

  it('refuses an unknown jeu before downloading anything', async () => {
    await expect(maj({ jeux: ['inconnu'] })).rejects.toThrow(/^Jeu\(x\) inconnu\(s\) : inconnu \(jeux du manifeste : cog, /)
    expect(banc.miroir.requetes.size).toBe(0)
  })
})

describe('the manifest as sources:maj writes it', () => {
  it('lays out data/sources.json exactly as it is stored, so that an update changes only its own lines', () => {
    const texte = readFileSync(CHEMIN_MANIFEST, 'utf8')
    expect(formaterManifest(JSON.parse(texte) as Manifest)).toBe(texte)
  })
})

describe('the command line of sources:maj', () => {
  it('reads the jeux, the flags, the delays and MAILLAGE_MIROIR', () => {
    expect(lireArguments(['france-services', '--essai', '--oui', '--delai-connexion=500', '--tentatives=2'], { MAILLAGE_MIROIR: 'http://miroir.interne/sources' }))
      .toEqual({ jeux: ['france-services'], essai: true, oui: true, aide: false, telechargement: { delaiConnexionMs: 500, tentatives: 2 }, miroir: 'http://miroir.interne/sources' })
  })

  it.each([
    [['--tentatives=0'], {}, '--tentatives attend un entier positif (reçu « 0 »)'],
    [['--vite'], {}, 'option inconnue : --vite'],
    [[], { MAILLAGE_MIROIR: 'ftp://miroir' }, 'MAILLAGE_MIROIR doit être une adresse http(s) (reçu « ftp://miroir »)'],
  ])('refuses %j with a French message', (args, env, message) => {
    expect(() => lireArguments(args, env)).toThrow(message)
  })
})
