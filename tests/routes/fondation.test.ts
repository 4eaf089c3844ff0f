import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { appNationale, get } from './app-nationale.ts'

const require = createRequire(import.meta.url)
const departementsCog = require('@etalab/decoupage-administratif/data/departements.json') as { code: string; nom: string }[]

describe('GET /sante', () => {
  it('names the import it serves and its sources', async () => {
    const { status, body } = await get('/sante')
    expect(status).toBe(200)
    expect(body.ok).toBe(true)
    expect(body.import.id).toMatch(/^\d{14}-[0-9a-f]{6}$/)
    expect(body.import.sources.map((s: { jeu: string }) => s.jeu)).toContain('france-services')
  })

  it('answers 304 to a client that already holds this import', async () => {
    const premier = await appNationale().request('/sante')
    const etag = premier.headers.get('ETag')!
    const second = await appNationale().request('/sante', { headers: { 'If-None-Match': etag } })
    expect(second.status).toBe(304)
  })
})

describe('GET /departements', () => {
  it('lists every département and COM of COG 2026 with its population, communes and lieux', async () => {
    const { body } = await get('/departements')
    expect(body.departements.map((d: { code: string }) => d.code)).toEqual(departementsCog.map((d) => d.code).sort())
    const drome = body.departements.find((d: { code: string }) => d.code === '26')
    expect(drome).toMatchObject({ nom: 'Drôme', region: '84', nomRegion: 'Auvergne-Rhône-Alpes', com: false, communes: 362 })
    expect(drome.lieux).toBeGreaterThan(100)
  })

  it('answers 404 in the envelope for an unknown code, 400 for a malformed one', async () => {
    expect(await get('/departements/99')).toMatchObject({ status: 404, body: { ok: false, error: 'Département inconnu : 99', status: 404 } })
    const mal = await get('/departements/abc')
    expect(mal.status).toBe(400)
    expect(mal.body.error).toMatch(/code de département invalide/)
  })
})

describe('GET /communes/recherche', () => {
  it('tells homonyms apart by département (Saint-Denis 93 and 974)', async () => {
    const { body } = await get('/communes/recherche?q=saint%20denis')
    const homonymes = body.communes.filter((c: { nom: string }) => c.nom === 'Saint-Denis').map((c: { code: string; departement: string }) => [c.code, c.departement])
    expect(homonymes).toEqual(expect.arrayContaining([['93066', '93'], ['97411', '974']]))
  })

  it('ignores accents and case, puts the exact name first and caps the list at 20', async () => {
    const { body } = await get('/communes/recherche?q=ÉVRY')
    expect(body.communes[0].nom.startsWith('Évry')).toBe(true)
    const large = await get('/communes/recherche?q=sa')
    expect(large.body.communes).toHaveLength(20)
    expect(large.body.truncated).toBe(true)
  })

  it('finds every commune of a postal code', async () => {
    const { body } = await get('/communes/recherche?q=26150')
    expect(body.communes.map((c: { code: string }) => c.code)).toContain('26113')
    expect(body.communes.every((c: { codesPostaux: string[] }) => c.codesPostaux.includes('26150'))).toBe(true)
  })

  it.each(['', '?q=', '?q=%20', `?q=${'a'.repeat(101)}`, '?q=die&limit=0', '?q=die&limit=abc'])('answers 400 in French to %s', async (qs) => {
    const { status, body } = await get(`/communes/recherche${qs}`)
    expect(status).toBe(400)
    expect(body).toMatchObject({ ok: false, status: 400 })
    expect(body.error).toMatch(/^Paramètre invalide/)
  })
})

describe('GET /communes/:code', () => {
  it('resolves an arrondissement to its commune and gives its indicators', async () => {
    const { body } = await get('/communes/75107')
    expect(body.commune).toMatchObject({ code: '75056', nom: 'Paris', departement: '75' })
    expect(body.commune.indicateurs.ifn.total).toBeGreaterThan(0)
  })
  it('answers 404 for a well-formed unknown code', async () => {
    expect((await get('/communes/99999')).status).toBe(404)
  })
})
