import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { createApp, type Deps } from '../../server/app.ts'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import type { Moteur } from '../../server/spatial/index.ts'
import { depsNationales } from './app-nationale.ts'

/**
 * Every CSV export of the API escapes the cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first):
 * hostile names are put into the national data through fakes passed as dependencies, and each file is read back
 * with a CSV parser. (The candidatures export, whose cells come from an agent's file: tests/comptes/contrat-agents.test.ts.)
 */
const HOSTILES = ['=1+1', '+SOMME(A1)', '-2+3', '@LIEN("x")', '\t=1', '\r=1']
const hostile = (k: number, nom: string) => `${HOSTILES[k % HOSTILES.length]} ${nom}`

/** The cells a spreadsheet would run as a formula: starting with = + - @ tab CR, and not a plain number. */
function cellulesDangereuses(csv: string, delimiter: string): string[] {
  const lignes = parse(csv, { bom: true, delimiter, relax_column_count: true }) as string[][]
  return lignes.flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?[\d\s.,]+$/.test(c))
}

async function telecharger(deps: Deps, url: string): Promise<string> {
  const res = await createApp(deps).request(url)
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toMatch(/^text\/csv/)
  return res.text()
}

describe('CSV exports against formula injection', () => {
  it('GET /api/couverture.csv escapes hostile département and région names', async () => {
    const vrai = depsNationales().moteur
    const moteur: Moteur = {
      ...vrai,
      chiffresDepartements: (p) => vrai.chiffresDepartements(p).map((d, k) => ({ ...d, nom: hostile(k, d.nom) })),
      chiffresRegions: (p) => vrai.chiffresRegions(p).map((r, k) => ({ ...r, nom: hostile(k, r.nom) })),
    }
    const csv = await telecharger({ ...depsNationales(), moteur }, '/couverture.csv?rayonKm=10')
    expect(cellulesDangereuses(csv, ';')).toEqual([])
    const noms = (parse(csv, { bom: true, delimiter: ';', relax_column_count: true }) as string[][]).map((l) => l[2]!)
    expect(noms).toContain(`'=1+1 ${vrai.chiffresDepartements({ rayonKm: 10, masque: OFFRE_COMPLETE })[0]!.nom}`)
    expect(noms.filter((n) => n.startsWith("'")).length).toBe(vrai.chiffresDepartements({ rayonKm: 10, masque: OFFRE_COMPLETE }).length + vrai.chiffresRegions({ rayonKm: 10, masque: OFFRE_COMPLETE }).length)
  })

  it('GET /api/departements/:code/communes.csv escapes hostile commune, lieu and département names', async () => {
    const { moteur: vrai, lieux: vrais } = depsNationales()
    const moteur: Moteur = {
      ...vrai,
      communesDuDepartement: (code, p) => vrai.communesDuDepartement(code, p)?.map((c, k) => ({ ...c, nom: hostile(k, c.nom) })),
      chiffresDepartement: (code, p) => { const d = vrai.chiffresDepartement(code, p); return d && { ...d, nom: `=${d.nom}` } },
    }
    const lieux = { ...vrais, resume: (id: number) => { const r = vrais.resume(id); return r && { ...r, nom: `@${r.nom}` } } }
    const csv = await telecharger({ ...depsNationales(), moteur, lieux }, '/departements/26/communes.csv')
    expect(cellulesDangereuses(csv, ';')).toEqual([])
    expect(csv).toContain(";'=1+1 ")
    expect(csv).toMatch(/;'@[^;]+;/)
    expect(csv).toContain(";'=Drôme;")
  })

  it('GET /api/lieux.csv escapes hostile text, keeps numbers and telephones as they are', async () => {
    const vrais = depsNationales().lieux
    const lieux = {
      ...vrais,
      exportables: (d: string | null) => vrais.exportables(d).map((l, k) => ({ ...l, nom: hostile(k, l.nom), adresse: `-${l.adresse ?? ''}`, telephone: '+33475000000' })),
    }
    const csv = await telecharger({ ...depsNationales(), lieux }, '/lieux.csv?departement=26')
    expect(cellulesDangereuses(csv, ',')).toEqual([])
    const lignes = parse(csv, { columns: true }) as Record<string, string>[]
    expect(lignes.length).toBe(vrais.exportables('26').length)
    expect(lignes.every((l) => l.nom!.startsWith("'") && l.adresse!.startsWith("'-") && l.telephone === '+33475000000')).toBe(true)
  })
})
