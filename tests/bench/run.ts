/** `npm run bench`: every benchmark in turn; numbers go to BENCHMARKS.md by hand, never into test assertions. */
import { readdirSync } from 'node:fs'
import { cpus } from 'node:os'

const lignes: string[] = [`# npm run bench — ${new Date().toISOString()} — ${cpus().length} cores, Node ${process.version}`]
const benchs: [string, () => Promise<string>][] = [
  ['construction', async () => (await import('./construction.ts')).benchConstruction()],
  ['moteur', async () => (await import('./moteur.ts')).benchMoteur()],
  ['sources:maj', async () => (await import('./sources-maj.ts')).benchSourcesMaj()],
  ['calculs', async () => (await import('./calculs.ts')).benchCalculs()],
  ['mise-en-relation', async () => (await import('./mise-en-relation.ts')).benchMiseEnRelation()],
]
const presents = readdirSync(import.meta.dirname)
const planification = './planification.ts'
if (presents.includes('planification.ts'))
  benchs.push(['planification', async () => ((await import(planification)) as { benchPlanification: () => Promise<string> }).benchPlanification()])
for (const [nom, bench] of benchs) {
  console.log(`\n== ${nom}`)
  lignes.push(`\n## ${nom}\n${await bench()}`)
}
