import { METHODE_DEFAUT } from '../domain/methode.ts'
import { OFFRE_COMPLETE } from '../domain/offre.ts'
import { RAYON_DEFAUT_KM } from '../domain/vue-par-defaut.ts'
import type { Moteur } from '../spatial/index.ts'
import type { Calculs } from './pool.ts'

/**
 * Right after the server listens: the figures of the view the dashboard opens on (`RAYON_DEFAUT_KM`, whole offre,
 * `METHODE_DEFAUT`), kept in the engine's cache, so that the first visitor gets them at once. The 2SFCA runs in the
 * pool; this thread computes the rest only once the worker has answered (it first loads its data, 2–3 s), so that it
 * stays free for the requests of a server that has just started. Nothing to do without workers: the 2SFCA would then
 * hold this thread.
 */
export async function prechaufferVueParDefaut(deps: Readonly<{ moteur: Moteur; calculs: Calculs }>): Promise<void> {
  const params = { rayonKm: RAYON_DEFAUT_KM, masque: OFFRE_COMPLETE }
  if (deps.calculs.travailleurs === 0 || !deps.moteur.aCalculer(params)) return
  const { accessibilite, medianes } = await deps.calculs.executer({ type: 'accessibilite', params }, { delaiMs: 120_000 })
  deps.moteur.fournirAccessibilite(params, accessibilite, medianes)
  deps.moteur.chiffresNationaux(params, METHODE_DEFAUT)
}
