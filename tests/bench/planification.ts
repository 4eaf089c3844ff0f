/**
 * Benchmark of the planning features on the national reference database: one added poste simulated
 * incrementally (seeded scenarios, warm-up, sink, p50/p95), and the MCLP of the Drôme with every
 * commune as candidate solved to proven optimality. Run `npx tsx tests/bench/planification.ts`, or
 * call `benchPlanification()` from `npm run bench`.
 */
import { pathToFileURL } from 'node:url'
import { bitCategorie, OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { buildMoteur, buildSimulateur, chargerHighs, optimiserDepartement, optimiserNational } from '../../server/spatial/index.ts'
import { seeded } from '../spatial/helpers/aleatoire.ts'
import { donneesNationalesBench } from './donnees-nationales.ts'

let sink = 0

type Stats = Readonly<{ nom: string; n: number; min: number; p50: number; p95: number; max: number; moyenne: number }>

function stats(nom: string, t: number[]): Stats {
  const s = [...t].sort((a, b) => a - b)
  const q = (f: number): number => s[Math.min(s.length - 1, Math.ceil(f * s.length) - 1)]!
  return { nom, n: s.length, min: s[0]!, p50: q(0.5), p95: q(0.95), max: s[s.length - 1]!, moyenne: s.reduce((a, b) => a + b, 0) / s.length }
}

const ms = (x: number): string => `${x.toFixed(2)} ms`
const ligne = (s: Stats): string => `| ${s.nom} | ${s.n} | ${ms(s.min)} | ${ms(s.p50)} | **${ms(s.p95)}** | ${ms(s.max)} | ${ms(s.moyenne)} |`

/** Runs the benchmark and returns the report (Markdown) it also prints. */
export async function benchPlanification(): Promise<string> {
  const { communes, lieux, territoires } = donneesNationalesBench()
  const moteur = buildMoteur(communes, lieux, territoires)
  const simulateur = buildSimulateur(moteur)
  const rnd = seeded(20261123)
  const departements = territoires.departements.filter((d) => !d.com).map((d) => d.code)
  const communesDe = new Map(departements.map((code) => [code, [] as number[]]))
  for (let i = 0; i < communes.n; i++) communesDe.get(communes.departement[i]!)?.push(i)
  const lieuxDe = new Map(departements.map((code) => [code, [] as number[]]))
  for (let j = 0; j < lieux.n; j++) if (lieux.actif[j] === 1) lieuxDe.get(lieux.departement[j]!)?.push(lieux.id[j]!)
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!

  const lignes: string[] = ['| Measure | runs | min | p50 | p95 | max | mean |', '|---|---|---|---|---|---|---|']
  const scenarios = (nombre: number, rayonKm: number, masque: number, retrait: boolean) =>
    Array.from({ length: nombre }, () => {
      const departement = pick(departements)
      const i = pick(communesDe.get(departement)!)
      const ajout = { longitude: communes.longitude[i]! + (rnd() - 0.5) * 0.02, latitude: communes.latitude[i]! + (rnd() - 0.5) * 0.02, conseillers: 1 }
      return { departement, rayonKm, masque, ajouts: retrait ? [] : [ajout], retraits: retrait ? [pick(lieuxDe.get(departement)!)] : [] }
    })
  const mesurer = (nom: string, liste: ReturnType<typeof scenarios>): Stats => {
    moteur.couverture({ rayonKm: liste[0]!.rayonKm, masque: liste[0]!.masque }) // the engine's cache is warm in production
    for (const s of liste.slice(0, 20)) sink += simulateur.simuler(s).ok ? 1 : 0
    const t = liste.map((s) => {
      const debut = performance.now()
      const r = simulateur.simuler(s)
      const duree = performance.now() - debut
      if (!r.ok) throw new Error(r.motif)
      sink += r.apres.populationCouverte
      return duree
    })
    return stats(nom, t)
  }
  const CN = bitCategorie('conseillers-numeriques')
  lignes.push(ligne(mesurer('One added poste, rayon 10 km, all offre (seeded, any département)', scenarios(500, 10, OFFRE_COMPLETE, false))))
  lignes.push(ligne(mesurer('One added poste, rayon 30 km, conseillers numériques only', scenarios(200, 30, CN, false))))
  lignes.push(ligne(mesurer('One withdrawn lieu, rayon 10 km, all offre', scenarios(200, 10, OFFRE_COMPLETE, true))))

  const debutHighs = performance.now()
  const highs = await chargerHighs()
  const chargementHighs = performance.now() - debutHighs
  const drome = (rayonKm: number) => () => {
    const r = optimiserDepartement(moteur, highs, { departement: '26', rayonKm, masque: OFFRE_COMPLETE, nombrePostes: 10, candidats: 'communes', poids: 'population' })
    if (!r.ok || !r.optimal) throw new Error('Drôme: not solved to proven optimality')
    sink += r.objectif
    return r
  }
  const mesurerDrome = (rayonKm: number) => {
    const f = drome(rayonKm)
    const premier = f()
    const t: number[] = []
    for (let k = 0; k < 7; k++) {
      const debut = performance.now()
      f()
      t.push(performance.now() - debut)
    }
    const s = stats(`Drôme, N = 10, every commune a candidate, rayon ${rayonKm} km: proven optimum (${premier.methode}, objectif ${premier.objectif}, greedy ${premier.objectifGlouton}, ${premier.demande.communes} zones blanches)`, t)
    return ligne(s)
  }
  lignes.push(mesurerDrome(10), mesurerDrome(5))
  const debutNational = performance.now()
  const national = optimiserNational(moteur, highs, { nombrePostes: 50, rayonKm: 10, masque: OFFRE_COMPLETE, candidats: 'communes', poids: 'population' })
  const dureeNational = performance.now() - debutNational
  sink += national.gainTotal
  lignes.push(
    '',
    `- HiGHS WebAssembly load (once per process): ${ms(chargementHighs)}.`,
    `- National allocation of 50 postes (rayon 10 km, every commune a candidate): ${ms(dureeNational)}, ${national.departements.length} départements, gain ${national.gainTotal}, all per-département optima proven: ${national.optimal}.`,
    `- sink ${sink > 0 ? 'ok' : 'empty'}`,
  )
  const rapport = lignes.join('\n')
  console.log(rapport)
  return rapport
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPlanification()
