import type Database from 'better-sqlite3'

export type Emprise = [number, number, number, number]

export type Departement = Readonly<{
  code: string
  nom: string
  region: string
  nomRegion: string
  com: boolean
  population: number
  communes: number
  lieux: number
  bbox: Emprise | null
}>

export type CommuneTrouvee = Readonly<{
  code: string
  nom: string
  departement: string
  nomDepartement: string
  codesPostaux: string[]
  population: number
  longitude: number
  latitude: number
}>

export type IndicateursCommune = Readonly<{
  ifn: { total: number | null; thd: number | null; quatreG: number | null; pauvrete: number | null; plus65ans: number | null; sansDiplome: number | null } | null
  densite: string | null
  ruralite: string | null
  centralite: string | null
  frr: string | null
  montagne: boolean | null
  massif: string | null
  revenuMedian: number | null
  tauxPauvrete: number | null
}>

export type Commune = CommuneTrouvee & Readonly<{ region: string; epci: string | null; nomEpci: string | null; bbox: Emprise; indicateurs: IndicateursCommune }>

type LigneCommune = {
  code: string; nom: string; departement: string; nom_departement: string; codes_postaux: string; population: number; longitude: number; latitude: number
}

const versCommuneTrouvee = (r: LigneCommune): CommuneTrouvee => ({
  code: r.code, nom: r.nom, departement: r.departement, nomDepartement: r.nom_departement,
  codesPostaux: JSON.parse(r.codes_postaux) as string[], population: r.population, longitude: r.longitude, latitude: r.latitude,
})

/** Reads territories for the API; statements are prepared once. */
export function territoiresDb(db: Database.Database) {
  const departements = db.prepare(`SELECT d.code, d.nom, d.region, r.nom AS nom_region, d.com,
      (SELECT COALESCE(SUM(population), 0) FROM commune c WHERE c.departement = d.code) AS population,
      (SELECT COUNT(*) FROM commune c WHERE c.departement = d.code) AS communes,
      (SELECT COUNT(*) FROM lieu l WHERE l.departement = d.code AND l.actif = 1) AS lieux,
      g.min_lng, g.min_lat, g.max_lng, g.max_lat
    FROM departement d LEFT JOIN region r ON r.code = d.region LEFT JOIN departement_geometrie g ON g.code = d.code ORDER BY d.code`)
    .all() as { code: string; nom: string; region: string; nom_region: string | null; com: number; population: number; communes: number; lieux: number; min_lng: number | null; min_lat: number | null; max_lng: number | null; max_lat: number | null }[]
  const listeDepartements: Departement[] = departements.map((d) => ({
    code: d.code, nom: d.nom, region: d.region, nomRegion: d.nom_region ?? d.nom, com: d.com === 1,
    population: d.population, communes: d.communes, lieux: d.lieux,
    bbox: d.min_lng === null ? null : [d.min_lng, d.min_lat!, d.max_lng!, d.max_lat!],
  }))
  const parCode = new Map(listeDepartements.map((d) => [d.code, d]))

  const colonnes = `c.code, c.nom, c.departement, d.nom AS nom_departement, c.codes_postaux, c.population, c.longitude, c.latitude`
  const parNom = db.prepare(`SELECT ${colonnes} FROM commune c JOIN departement d ON d.code = c.departement
    WHERE c.nom_recherche >= ? AND c.nom_recherche < ? ORDER BY (c.nom_recherche = ?) DESC, c.population DESC, c.code LIMIT ?`)
  const parCodePostal = db.prepare(`SELECT ${colonnes} FROM commune_code_postal p JOIN commune c ON c.code = p.commune
    JOIN departement d ON d.code = c.departement WHERE p.code_postal >= ? AND p.code_postal < ? GROUP BY c.code ORDER BY c.population DESC, c.code LIMIT ?`)
  const commune = db.prepare(`SELECT ${colonnes}, c.region, c.epci, e.nom AS nom_epci, c.min_lng, c.min_lat, c.max_lng, c.max_lat,
      i.ifn_total, i.ifn_thd, i.ifn_4g, i.ifn_pauvrete, i.ifn_65_ans, i.ifn_sans_diplome, i.densite, i.ruralite, i.centralite,
      i.frr, i.montagne, i.massif, i.revenu_median, i.taux_pauvrete
    FROM commune c JOIN departement d ON d.code = c.departement LEFT JOIN epci e ON e.code = c.epci
    LEFT JOIN commune_indicateur i ON i.code = c.code WHERE c.code = ?`)
  const historique = db.prepare('SELECT commune FROM code_historique WHERE code = ?')

  return {
    departements: (): readonly Departement[] => listeDepartements,
    departement: (code: string): Departement | undefined => parCode.get(code),

    /** Communes whose folded name starts with `cle`, or whose postal code starts with digits; `limit + 1` rows tell truncation. */
    rechercher(cle: string, estCodePostal: boolean, limit: number): { communes: CommuneTrouvee[]; truncated: boolean } {
      const lignes = (estCodePostal
        ? parCodePostal.all(cle, `${cle}\uffff`, limit + 1)
        : parNom.all(cle, `${cle}\uffff`, cle, limit + 1)) as LigneCommune[]
      return { communes: lignes.slice(0, limit).map(versCommuneTrouvee), truncated: lignes.length > limit }
    },

    /** A commune by its code; an arrondissement or ancienne commune code resolves to today's commune. */
    commune(code: string): Commune | undefined {
      const actuel = (historique.get(code) as { commune: string } | undefined)?.commune ?? code
      const r = commune.get(actuel) as (LigneCommune & Record<string, unknown>) | undefined
      if (!r) return undefined
      const n = (k: string) => (r[k] === null ? null : (r[k] as number))
      const t = (k: string) => (r[k] === null ? null : (r[k] as string))
      const ifnConnu = ['ifn_total', 'ifn_thd', 'ifn_4g', 'ifn_pauvrete', 'ifn_65_ans', 'ifn_sans_diplome'].some((k) => r[k] !== null)
      return {
        ...versCommuneTrouvee(r),
        region: r.region as string,
        epci: t('epci'),
        nomEpci: t('nom_epci'),
        bbox: [r.min_lng as number, r.min_lat as number, r.max_lng as number, r.max_lat as number],
        indicateurs: {
          ifn: ifnConnu ? { total: n('ifn_total'), thd: n('ifn_thd'), quatreG: n('ifn_4g'), pauvrete: n('ifn_pauvrete'), plus65ans: n('ifn_65_ans'), sansDiplome: n('ifn_sans_diplome') } : null,
          densite: t('densite'), ruralite: t('ruralite'), centralite: t('centralite'), frr: t('frr'),
          montagne: r.montagne === null ? null : r.montagne === 1, massif: t('massif'),
          revenuMedian: n('revenu_median'), tauxPauvrete: n('taux_pauvrete'),
        },
      }
    },
  }
}
export type TerritoiresDb = ReturnType<typeof territoiresDb>
