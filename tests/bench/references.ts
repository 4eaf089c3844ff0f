/**
 * Issue 15: our API against two outside references, in one run on the same data (`npx tsx tests/bench/references.ts`).
 * Not part of `npm test`. Prerequisites (Debian, as root): `apt-get update && apt-get install -y python3-scipy postgresql postgis`.
 * A missing reference is skipped with the command that installs it.
 *
 * 1. Our server, compiled as `npm start` runs it (from its sources with MAILLAGE_BENCH_SOURCES=1), started here on
 *    127.0.0.1: start to first answer, resident memory, the first
 *    `/api/couverture` of each of the 15 offre combinations on the fresh server (rayon 10 km), then national recomputes
 *    at radii never asked: all offre at 5.x–14.x km, and seeded random offre × random radius in 1–100 km.
 * 2. scipy's cKDTree (C++), via `python3 -c`: build over the offre's lieux + the nearest lieu of all 34,969 communes,
 *    on the same unit vectors (exact great-circle order), for each of the 15 offres, 3 times.
 * 3. PostGIS: a cluster started in a temporary folder as the `postgres` user (initdb refuses root), stopped and removed
 *    at the end; communes and lieux as `geography` points, a GiST index, and for each offre the KNN query
 *    `ORDER BY lieu.geog <-> commune.geog LIMIT 1` for every commune.
 * Every phase prints the load average (1 min) when it ends: the machine is shared. REFERENCES=serveur measures our
 * server only (to compare two versions of it back to back: copy this file into the other version's tests/bench/).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CATEGORIES, OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { toUnitVectors } from '../../server/spatial/geo.ts'
import { buildIndexCouverture } from '../../server/spatial/index-couverture.ts'
import { plusProchesParMinimum } from '../../server/spatial/plus-proches-categories.ts'
import { seeded } from '../spatial/helpers/aleatoire.ts'
import { portLibre } from '../setup/port-libre.ts'
import { argumentsServeur } from '../setup/serveur-compile.ts'
import { donneesNationalesBench } from './donnees-nationales.ts'

const RACINE = resolve(import.meta.dirname, '../..')
const HOTE = '127.0.0.1'
const OFFRES = Array.from({ length: OFFRE_COMPLETE }, (_, k) => k + 1)
const charge = () => loadavg()[0]!.toFixed(2)
const mediane = (xs: readonly number[]) => {
  const t = [...xs].sort((a, b) => a - b)
  return t.length % 2 === 1 ? t[t.length >> 1]! : (t[t.length / 2 - 1]! + t[t.length / 2]!) / 2
}
const resume = (xs: readonly number[]) => `median ${mediane(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n ${xs.length})`
const offreParam = (masque: number) => CATEGORIES.filter((_, b) => (masque & (1 << b)) !== 0).join(',')

const rssMo = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024
const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function demander(url: string): Promise<number> {
  const debut = performance.now()
  const r = await fetch(url)
  await r.arrayBuffer()
  if (!r.ok) throw new Error(`${url}: ${r.status}`)
  return performance.now() - debut
}

type Serveur = { demarrageMs: number; rssDemarrageMo: number; premieres: number[]; rayons5a14: number[]; aleatoires: number[]; aleatoiresCarreaux: number[]; rssFinMo: number; travailleurs: string }

/** Phase 1: a fresh server, measured from outside. */
async function mesurerServeur(travailleurs: string | undefined): Promise<Serveur> {
  const port = await portLibre()
  const base = `http://${HOTE}:${port}`
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-references-'))
  const argumentsNode = await argumentsServeur()
  const debut = performance.now()
  const serveur = spawn(process.execPath, argumentsNode, {
    cwd: RACINE,
    env: {
      ...process.env, PORT: String(port), HOST: HOTE, MAILLAGE_LIMITE_REQUETES_MINUTE: '0', MAILLAGE_BASE_COMPTES: join(dossier, 'comptes.sqlite'),
      ...(travailleurs === undefined ? {} : { MAILLAGE_TRAVAILLEURS: travailleurs }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    let demarrageMs = NaN
    for (let i = 0; i < 600 && Number.isNaN(demarrageMs); i++) {
      try {
        if ((await fetch(`${base}/api/sante`)).ok) demarrageMs = performance.now() - debut
      } catch {
        await dormir(20)
      }
    }
    if (Number.isNaN(demarrageMs)) throw new Error('le serveur ne répond pas')
    // The pool's workers load their own engine after the first answer; measure memory once they are up.
    await dormir(5_000)
    const rssDemarrageMo = rssMo(serveur.pid!)
    const premieres: number[] = []
    // Commune centres: the points the baselines below search from. The 1 km cells (issue 17) are measured apart.
    // 10.5 km, not the dashboard's 10 km: the server computes the 10 km figures of the whole offre right after it starts
    // (calculs/prechauffage.ts), and no answer timed here may have been computed before it was asked.
    for (const masque of OFFRES) premieres.push(await demander(`${base}/api/couverture?methode=centres&rayonKm=10.5&offre=${offreParam(masque)}`))
    const rayons5a14: number[] = []
    // 30 radii (5.3, 5.6 … 14.0 km): one median over 10 moved by ±5 ms between runs on this shared machine.
    for (let k = 0; k < 30; k++) rayons5a14.push(await demander(`${base}/api/couverture?methode=centres&rayonKm=${(5.3 + 0.3 * k).toFixed(1)}`))
    const vus = new Set<string>()
    const aleatoiresPar = async (methode: string, graine: number) => {
      const rnd = seeded(graine)
      const durees: number[] = []
      while (durees.length < 40) {
        const masque = 1 + Math.floor(rnd() * OFFRE_COMPLETE)
        const rayon = (1 + rnd() * 99).toFixed(2)
        if (vus.has(`${masque}|${rayon}`)) continue
        vus.add(`${masque}|${rayon}`)
        durees.push(await demander(`${base}/api/couverture?methode=${methode}&rayonKm=${rayon}&offre=${offreParam(masque)}`))
      }
      return durees
    }
    const aleatoires = await aleatoiresPar('centres', 20261128)
    const aleatoiresCarreaux = await aleatoiresPar('carreaux', 20261129)
    return { demarrageMs, rssDemarrageMo, premieres, rayons5a14, aleatoires, aleatoiresCarreaux, rssFinMo: rssMo(serveur.pid!), travailleurs: travailleurs ?? 'par défaut' }
  } finally {
    serveur.kill('SIGTERM')
    rmSync(dossier, { recursive: true, force: true })
  }
}

/** Unit vectors of the communes and of the active lieux (with their catégories), as the engine reads them. */
function donnees() {
  const { communes, lieux } = donneesNationalesBench()
  const actifs = Array.from({ length: lieux.n }, (_, j) => j).filter((j) => lieux.actif[j] === 1)
  return {
    communes,
    lieux,
    actifs,
    xyzCommunes: toUnitVectors(communes.longitude, communes.latitude, new Float64Array(3 * communes.n)),
    xyzLieux: toUnitVectors(Float64Array.from(actifs, (j) => lieux.longitude[j]!), Float64Array.from(actifs, (j) => lieux.latitude[j]!), new Float64Array(3 * actifs.length)),
    categories: Uint8Array.from(actifs, (j) => lieux.categories[j]!),
  }
}

const SCIPY = `
import sys, time, json, numpy as np
from scipy.spatial import cKDTree
d = sys.argv[1]
c = np.fromfile(d + '/communes.f64').reshape(-1, 3)
l = np.fromfile(d + '/lieux.f64').reshape(-1, 3)
cat = np.fromfile(d + '/categories.u8', dtype=np.uint8)
out = {}
for rep in range(3):
    for m in range(1, 16):
        pts = l[(cat & m) != 0]
        t = time.perf_counter()
        dist, idx = cKDTree(pts).query(c, k=1)
        out.setdefault(m, []).append((time.perf_counter() - t) * 1000)
print(json.dumps(out))
`

/** Phase 2: scipy's cKDTree, or null when python3-scipy is missing. */
function mesurerScipy(d: ReturnType<typeof donnees>): number[] | null {
  if (spawnSync('python3', ['-c', 'import scipy.spatial']).status !== 0) {
    console.log('scipy absent : apt-get install -y python3-scipy')
    return null
  }
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-scipy-'))
  try {
    writeFileSync(join(dossier, 'communes.f64'), d.xyzCommunes)
    writeFileSync(join(dossier, 'lieux.f64'), d.xyzLieux)
    writeFileSync(join(dossier, 'categories.u8'), d.categories)
    const r = JSON.parse(execFileSync('python3', ['-c', SCIPY, dossier], { encoding: 'utf8' })) as Record<string, number[]>
    return Object.values(r).flat()
  } finally {
    rmSync(dossier, { recursive: true, force: true })
  }
}

/** Phase 3: PostGIS KNN, one query per offre; null when postgresql/postgis are missing. */
function mesurerPostgis(d: ReturnType<typeof donnees>): { parOffre: number[]; chargementMs: number } | null {
  const bin = spawnSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1'], { encoding: 'utf8' }).stdout.trim()
  if (bin === '' || spawnSync('sh', ['-c', 'ls /usr/share/postgresql/*/extension/postgis.control']).status !== 0) {
    console.log('PostGIS absent : apt-get install -y postgresql postgis')
    return null
  }
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-postgis-'))
  const donneesPg = join(dossier, 'pg')
  const racine = process.getuid?.() === 0
  // initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
  const commeUtilisateur = (cmd: string, args: string[], input?: string) => {
    const r = racine ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 26 })
      : spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 1 << 26 })
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} : ${r.stderr}`)
    return r.stdout
  }
  const port = String(55_000 + (process.pid % 5_000))
  if (racine) chownSync(dossier, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })))
  chmodSync(dossier, 0o755)
  const psql = (sql: string) => commeUtilisateur(join(bin, 'psql'), ['-h', dossier, '-p', port, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-At'], sql)
  try {
    commeUtilisateur(join(bin, 'initdb'), ['-D', donneesPg, '-A', 'trust', '-U', 'postgres', '--no-sync'])
    commeUtilisateur(join(bin, 'pg_ctl'), ['-D', donneesPg, '-w', '-l', join(dossier, 'journal.log'), '-o', `-k ${dossier} -p ${port} -c listen_addresses='' -c fsync=off`, 'start'])
    try {
      const debut = performance.now()
      const communes = Array.from({ length: d.communes.n }, (_, i) => `${i}\t${d.communes.longitude[i]}\t${d.communes.latitude[i]}`).join('\n')
      const lieux = d.actifs.map((j, k) => `${d.lieux.id[j]}\t${d.categories[k]}\t${d.lieux.longitude[j]}\t${d.lieux.latitude[j]}`).join('\n')
      psql(`CREATE EXTENSION postgis;
CREATE TABLE commune (id int PRIMARY KEY, lon float8, lat float8);
CREATE TABLE lieu (id int PRIMARY KEY, categories int, lon float8, lat float8);
COPY commune FROM STDIN;
${communes}
\\.
COPY lieu FROM STDIN;
${lieux}
\\.
ALTER TABLE commune ADD COLUMN geog geography(Point, 4326);
UPDATE commune SET geog = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography;
ALTER TABLE lieu ADD COLUMN geog geography(Point, 4326);
UPDATE lieu SET geog = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography;
CREATE INDEX lieu_geog ON lieu USING gist (geog);
VACUUM ANALYZE;
`)
      const chargementMs = performance.now() - debut
      const parOffre: number[] = []
      for (const masque of OFFRES) {
        const sortie = psql(`\\timing on
SELECT count(p.id), round(sum(ST_Distance(c.geog, p.geog, false))::numeric) FROM commune c
  CROSS JOIN LATERAL (SELECT l.id, l.geog FROM lieu l WHERE l.categories & ${masque} <> 0 ORDER BY l.geog <-> c.geog LIMIT 1) p;`)
        const temps = /Time: ([\d.]+) ms/.exec(sortie)
        if (!temps) throw new Error(`psql: pas de durée dans ${sortie}`)
        parOffre.push(Number(temps[1]))
      }
      return { parOffre, chargementMs }
    } finally {
      commeUtilisateur(join(bin, 'pg_ctl'), ['-D', donneesPg, '-m', 'fast', '-w', 'stop'])
    }
  } finally {
    rmSync(dossier, { recursive: true, force: true })
  }
}

const lignes: string[] = [`# Références externes (issue 15) — ${new Date().toISOString()} — ${cpus().length} cœurs, Node ${process.version}`]
const log = (s: string) => {
  console.log(s)
  lignes.push(s)
}
log(`charge au début : ${charge()}`)
const travailleurs = process.env.REFERENCES_TRAVAILLEURS
const s = await mesurerServeur(travailleurs)
log(`\n## Notre serveur (${process.env.MAILLAGE_BENCH_SOURCES === '1' ? 'sources TypeScript via tsx' : 'compilé, comme npm start'}, MAILLAGE_TRAVAILLEURS ${s.travailleurs}) — charge ${charge()}`)
log(`- démarrage jusqu'à la première réponse (/api/sante) : ${s.demarrageMs.toFixed(0)} ms ; RSS 5 s après : ${s.rssDemarrageMo.toFixed(1)} Mo ; après les mesures : ${s.rssFinMo.toFixed(1)} Mo`)
log(`- première réponse de /api/couverture pour chacune des 15 offres (10,5 km, serveur neuf) : ${resume(s.premieres)}`)
log(`- toute l'offre, 30 rayons jamais demandés de 5,3 à 14,0 km : ${resume(s.rayons5a14)}`)
log(`- offre et rayon (1 à 100 km) aléatoires, jamais demandés : ${resume(s.aleatoires)}`)
log(`- les mêmes, comptés sur les carreaux de 1 km (methode=carreaux, 373 281 carreaux) : ${resume(s.aleatoiresCarreaux)}`)
const serveurSeul = process.env.REFERENCES === 'serveur'
const d = donnees()
// The work scipy and PostGIS do below, in our engine: the nearest lieu of the offre for every commune. The per-catégorie
// nearest lieux are an import's work (timed once here, with the whole index); each offre is then an element-wise minimum.
const { territoires } = donneesNationalesBench()
let debutIndex = performance.now()
const index = buildIndexCouverture(d.communes, d.lieux, territoires)
const indexMs = performance.now() - debutIndex
const minimums: number[] = []
for (let tour = 0; tour < 3; tour++)
  for (const masque of OFFRES) {
    debutIndex = performance.now()
    plusProchesParMinimum(index.plusProchesCategories, index.lieux.id, masque)
    minimums.push(performance.now() - debutIndex)
  }
log(`\n## Notre moteur, le même travail (plus proche lieu de l'offre pour les ${d.communes.n} communes, 15 offres × 3) — charge ${charge()}`)
log(`- ${resume(minimums)} ; une fois par import : index de couverture complet (arbres, plus proches par catégorie, agrégats) ${indexMs.toFixed(0)} ms`)
const scipy = serveurSeul ? null : mesurerScipy(d)
if (scipy) log(`\n## scipy cKDTree (construction + ${d.communes.n} plus proches voisins, 15 offres × 3) — charge ${charge()}\n- ${resume(scipy)}`)
const pg = serveurSeul ? null : mesurerPostgis(d)
if (pg) log(`\n## PostGIS KNN geography + GiST (15 offres, une requête chacune) — charge ${charge()}\n- chargement et index : ${pg.chargementMs.toFixed(0)} ms\n- ${resume(pg.parOffre)}`)
log('\n## Rapports (médianes)')
if (scipy) {
  log(`- API toute l'offre 5–14 km / scipy : ${(mediane(s.rayons5a14) / mediane(scipy)).toFixed(2)} ; API aléatoire 1–100 km / scipy : ${(mediane(s.aleatoires) / mediane(scipy)).toFixed(2)} (objectif ≤ 1)`)
}
if (scipy) log(`- même travail (plus proche lieu de chaque commune) : scipy / notre moteur ×${(mediane(scipy) / mediane(minimums)).toFixed(0)}`)
if (pg) log(`- PostGIS / première réponse par offre : ×${(mediane(pg.parOffre) / mediane(s.premieres)).toFixed(0)} (objectif ≥ ×100) ; même travail : PostGIS / notre moteur ×${(mediane(pg.parOffre) / mediane(minimums)).toFixed(0)}`)
log(`charge à la fin : ${charge()}`)
