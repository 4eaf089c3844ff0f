import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { construireBase } from '../../scripts/build-db.ts'
import { cheminsSources, DOSSIER_SOURCES_DEFAUT, lireManifest } from '../../scripts/lib/sources.ts'
import { COG_MINI, copieSourcesMini, manifestPour } from '../robustesse/helpers/sources.ts'

const sha256 = (octets: Uint8Array) => createHash('sha256').update(octets).digest('hex')

describe('the bundle shipped in data/sources', () => {
  it('holds every file of the manifest, gzipped, with the size and checksum the manifest records', () => {
    const manifest = lireManifest().filter((s) => !s.fichier.startsWith('npm:') && !s.optionnel)
    for (const s of manifest) {
      // Checked here with zlib and crypto directly, not with the build's own reader
      const contenu = gunzipSync(readFileSync(join(DOSSIER_SOURCES_DEFAUT, `${s.fichier}.gz`)))
      expect(contenu.length, s.fichier).toBe(s.octets)
      expect(sha256(contenu), s.fichier).toBe(s.sha256)
    }
    expect(cheminsSources(DOSSIER_SOURCES_DEFAUT, lireManifest()).size).toBe(manifest.length)
  })

  it('holds nothing the manifest does not name', () => {
    const nommes = new Set(lireManifest().map((s) => `${s.fichier}.gz`))
    expect(readdirSync(DOSSIER_SOURCES_DEFAUT).filter((f) => !nommes.has(f))).toEqual([])
  })
})

describe('the check of the sources against the manifest, before a build', () => {
  let sources: string | undefined
  afterEach(() => {
    if (sources) rmSync(dirname(sources), { recursive: true, force: true })
  })

  it('names, in one French message, every file that is missing, truncated or altered, and writes nothing', () => {
    // GIVEN the mini sources and their manifest
    sources = copieSourcesMini()
    const manifest = manifestPour(sources)
    // AND three files damaged after the manifest was written: one removed, one cut short, one byte changed
    rmSync(join(sources, 'cnfs-lieux-2022.json'))
    const fs = join(sources, 'france-services-2024-08.csv')
    writeFileSync(fs, readFileSync(fs).subarray(0, 100))
    const ifn = join(sources, 'ifn-communes-2023.csv')
    const octets = readFileSync(ifn)
    octets[octets.length - 3] = octets[octets.length - 3] === 0x31 ? 0x32 : 0x31
    writeFileSync(ifn, octets)
    // AND a gzipped copy whose content was altered while its size stayed the same
    const communes = join(sources, 'communes-2026.geojson.gz')
    writeFileSync(communes, gzipSync(gunzipSync(readFileSync(communes)).toString().replace('Die', 'Dix')))
    const sortie = join(dirname(sources), 'base.sqlite')

    // WHEN the database is built THEN it stops with every fault named
    let message = ''
    try {
      construireBase({ sources, sortie, dossierCog: COG_MINI, silencieux: true, manifest })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/^Sources manquantes ou abîmées dans .*:$/m)
    expect(message).toMatch(/^ {2}- cnfs-lieux-2022\.json : manquant \(Lieux d'activité/m)
    expect(message).toMatch(/^ {2}- france-services-2024-08\.csv : tronqué \(100 octets au lieu de \d+\)$/m)
    expect(message).toMatch(/^ {2}- ifn-communes-2023\.csv : altéré \(empreinte sha256 [0-9a-f]{12}… au lieu de [0-9a-f]{12}…\)$/m)
    expect(message).toMatch(/^ {2}- communes-2026\.geojson : altéré \(empreinte sha256/m)
    expect(message).toMatch(/npm run sources:maj/)
    // AND nothing was written
    expect(existsSync(sortie)).toBe(false)
    expect(readdirSync(dirname(sources))).toEqual(['sources'])
  })

  it('accepts a plain copy of a file the bundle stores gzipped', () => {
    sources = copieSourcesMini()
    const manifest = manifestPour(sources)
    const gz = join(sources, 'communes-2026.geojson.gz')
    writeFileSync(join(sources, 'communes-2026.geojson'), gunzipSync(readFileSync(gz)))
    rmSync(gz)
    expect(cheminsSources(sources, manifest).get('communes-geometrie')).toBe(join(sources, 'communes-2026.geojson'))
  })

  it('does without an optional source that is absent, and checks it when present', () => {
    sources = copieSourcesMini()
    const optionnel = { jeu: 'essai', fichier: 'essai.csv', titre: 'Essai', producteur: 'Test', amont: 'https://exemple.test/', licence: 'LO 2.0', millesime: '2026', optionnel: true, octets: 3, sha256: sha256(Buffer.from('a\n1')), champs: ['a'] }
    const manifest = [...manifestPour(sources), optionnel]
    expect(cheminsSources(sources, manifest).has('essai')).toBe(false)
    writeFileSync(join(sources, 'essai.csv'), 'a\n2')
    expect(() => cheminsSources(sources!, manifest)).toThrow(/essai\.csv : altéré/)
  })
})
