import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useLocation } from 'react-router-dom'
import { api, ErreurApi, urlConnexion } from '../../api/client.ts'
import { CLE_COMPTES, moi, scenariosEnregistres } from '../../api/queries/comptes.ts'
import { pluriel } from '../../charts/format.ts'
import type { ScenarioEnregistre } from '../../api/types.ts'
import { ecrirePlanification, type Planification } from '../../presenters/scenario.ts'

type Props = { code: string; plan: Planification }

const dateCourte = (iso: string) => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' })

/** A refusal because someone else saved the scenario in between (If-Match: 412; version field: 409). */
const estConflit = (e: unknown) => e instanceof ErreurApi && (e.status === 412 || e.status === 409)

/**
 * Saving the scenario for the agents of the département, reopening theirs, and replacing one by the
 * scenario on screen. The server decides who may (a préfet, for the départements of their scope); its
 * refusal is shown as it says it. A replacement names the version the agent saw: if another agent saved
 * a change since, the server refuses it, its French message is shown and the list is reloaded.
 */
export function ScenariosEnregistres({ code, plan }: Props) {
  const { pathname, search } = useLocation()
  const qui = useQuery(moi())
  const connecte = qui.data?.agent != null
  const liste = useQuery({ ...scenariosEnregistres(code), enabled: connecte, retry: false })
  const client = useQueryClient()
  const [titre, setTitre] = useState('')
  const rafraichir = () => client.invalidateQueries({ queryKey: [...CLE_COMPTES, 'scenarios', code] })
  const enregistrer = useMutation({
    mutationFn: () => api.enregistrerScenario({ titre, departement: code, rayonKm: plan.rayonKm, offre: [...plan.offre], ajouts: [...plan.ajouts], retraits: [...plan.retraits] }),
    onSuccess: () => { setTitre(''); void rafraichir() },
  })
  const supprimer = useMutation({ mutationFn: (id: number) => api.supprimerScenario(id), onSuccess: () => void rafraichir() })
  const remplacer = useMutation({
    mutationFn: (s: ScenarioEnregistre) => api.modifierScenario(s.id, s.version, { titre: s.titre, departement: code, rayonKm: plan.rayonKm, offre: [...plan.offre], ajouts: [...plan.ajouts], retraits: [...plan.retraits] }),
    onSuccess: () => void rafraichir(),
    onError: (e) => { if (estConflit(e)) void rafraichir() },
  })

  if (!qui.data) return null
  if (!qui.data.identite)
    return qui.data.connexionPossible ? (
      <p className="fr-text--sm">
        <a href={urlConnexion(`${pathname}${search}`)}>Connectez-vous</a> (agents) pour enregistrer ce scénario et retrouver ceux de votre département.
      </p>
    ) : null
  if (!connecte) return <p className="fr-text--sm">Votre compte n’a pas de rôle dans Maillage : demandez-en un à un administrateur pour enregistrer des scénarios.</p>
  if (liste.error) return <p className="fr-text--sm">{liste.error instanceof ErreurApi ? liste.error.message : 'Scénarios enregistrés indisponibles.'}</p>

  return (
    <section aria-labelledby="titre-scenarios-enregistres" className="fr-mt-2w">
      <h2 id="titre-scenarios-enregistres" className="fr-h6 fr-mb-1w">Scénarios enregistrés</h2>
      <form className="fr-input-group" onSubmit={(e) => { e.preventDefault(); enregistrer.mutate() }}>
        <label className="fr-label" htmlFor="titre-nouveau-scenario">Titre du scénario</label>
        <input id="titre-nouveau-scenario" className="fr-input" value={titre} maxLength={120} required onChange={(e) => setTitre(e.target.value)} />
        <button type="submit" className="fr-btn fr-btn--sm fr-btn--icon-left fr-icon-save-line fr-mt-1w" disabled={enregistrer.isPending || titre.trim() === ''}>
          Enregistrer le scénario
        </button>
        {enregistrer.error && <p className="fr-error-text" role="alert">{enregistrer.error.message}</p>}
      </form>
      {liste.data && liste.data.length === 0 && <p className="fr-text--sm">Aucun scénario enregistré pour ce département.</p>}
      <ul className="maillage-scenarios-enregistres">
        {liste.data?.map((s) => (
          <li key={s.id}>
            <Link to={`/planifier/${code}?${ecrirePlanification({ rayonKm: s.rayonKm, offre: s.offre, ajouts: s.ajouts, retraits: s.retraits })}`}>{s.titre}</Link>
            <span className="fr-text--xs">
              {' '}— {pluriel(s.ajouts.length, 'poste ajouté', 'postes ajoutés')}, {pluriel(s.retraits.length, 'retrait')}, {s.rayonKm} km ; {s.auteur}, {dateCourte(s.modifieLe)}
            </span>{' '}
            <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" disabled={remplacer.isPending} onClick={() => remplacer.mutate(s)}>
              Remplacer par le scénario affiché<span className="fr-sr-only"> : « {s.titre} »</span>
            </button>{' '}
            <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" disabled={supprimer.isPending} onClick={() => supprimer.mutate(s.id)}>
              Supprimer<span className="fr-sr-only"> le scénario « {s.titre} »</span>
            </button>
            {remplacer.error && remplacer.variables?.id === s.id && <p className="fr-error-text" role="alert">{remplacer.error.message}</p>}
          </li>
        ))}
      </ul>
    </section>
  )
}
