import { METHODE_DEFAUT } from '../domain/methode.ts'
import { OFFRE_COMPLETE } from '../domain/offre.ts'
import { RAYON_DEFAUT_KM } from '../domain/vue-par-defaut.ts'
import type { Moteur } from '../spatial/index.ts'
import type { Calculs } from './pool.ts'

/**
 * Right after the server listens: the figures of the view the dashboard opens on (`RAYON_DEFAUT_KM`, whole offre,
 * `METHODE_DEFAUT`), computed as a request computes them (the 2SFCA in the pool while this thread prepares the rest),
 * then kept in the engine's cache. The first visitor gets them at once, and this thread's figures code is compiled
 * before a request needs it (the first ones took 40–170 ms instead of 15–25). Nothing to do without workers: the
 * 2SFCA would then hold this thread.
 */
export async function prechaufferVueParDefaut(deps: Readonly<{ moteur: Moteur; calculs: Calculs }>): Promise<void> {
  const params = { rayonKm: RAYON_DEFAUT_KM, masque: OFFRE_COMPLETE }
  if (deps.calculs.travailleurs === 0 || !deps.moteur.aCalculer(params)) return
  const calcul = deps.calculs.executer({ type: 'accessibilite', params }, { delaiMs: 120_000 })
  deps.moteur.preparer(params, METHODE_DEFAUT)
  const { accessibilite, medianes } = await calcul
  deps.moteur.fournirAccessibilite(params, accessibilite, medianes)
  deps.moteur.chiffresNationaux(params, METHODE_DEFAUT)
}
