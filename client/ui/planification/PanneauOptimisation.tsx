import { useId, useState } from 'react'
import type { Candidats, Optimisation, Poids } from '../../api/types.ts'
import { formatEntier } from '../../charts/format.ts'
import { MAX_POSTES_DEPARTEMENT } from '../../../server/domain/planification.ts'
import { formatObjectif, resumeOptimisation } from '../../presenters/optimisation.ts'
import { TableauDsfr } from '../TableauDsfr.tsx'

export type DemandeOptimisation = { nombrePostes: number; candidats: Candidats; poids: Poids }

type Props = {
  resultat: Optimisation | undefined
  enCalcul: boolean
  erreur: Error | null
  /** Whether each proposed site is already an ajout of the scenario. */
  dejaAjoute: (site: { lon: number; lat: number }) => boolean
  onCalculer: (demande: DemandeOptimisation) => void
  onAccepter: (indices: readonly number[]) => void
}

const CANDIDATS: [Candidats, string][] = [['communes', 'Centres des communes'], ['structures', 'Structures existantes hors de l’offre']]
const POIDS: [Poids, string][] = [['population', 'Population'], ['population-ifn', 'Population × fragilité numérique (IFN)']]

/** Optimal placement: the request form, the quality of the answer, and its sites to accept into the scenario. */
export function PanneauOptimisation({ resultat, enCalcul, erreur, dejaAjoute, onCalculer, onAccepter }: Props) {
  const id = useId()
  const [nombrePostes, setNombrePostes] = useState(3)
  const [candidats, setCandidats] = useState<Candidats>('communes')
  const [poids, setPoids] = useState<Poids>('population')
  const [coches, setCoches] = useState<ReadonlySet<number>>(new Set())
  const basculer = (k: number) => setCoches((c) => (c.has(k) ? new Set([...c].filter((x) => x !== k)) : new Set([...c, k])))
  const sites = resultat?.sites ?? []
  const restants = sites.map((s, k) => (dejaAjoute(s) ? -1 : k)).filter((k) => k >= 0)

  return (
    <section className="maillage-optimisation" aria-labelledby={`${id}-titre`}>
      <h2 className="fr-h5 fr-mt-3w" id={`${id}-titre`}>Placement optimal de nouveaux postes</h2>
      <p className="fr-text--sm">
        Où placer de nouveaux postes pour couvrir le plus d’habitants des zones blanches que laisse le scénario en cours (problème de
        couverture maximale, résolu exactement par le solveur HiGHS quand l’instance le permet). Les sites acceptés rejoignent le scénario ;
        un nouveau calcul propose alors les suivants.
      </p>
      <form
        className="maillage-optimisation__formulaire"
        onSubmit={(e) => {
          e.preventDefault()
          setCoches(new Set())
          onCalculer({ nombrePostes, candidats, poids })
        }}
      >
        <div className="fr-input-group">
          <label className="fr-label" htmlFor={`${id}-nombre`}>
            Nombre de postes <span className="fr-hint-text">de 1 à {MAX_POSTES_DEPARTEMENT}</span>
          </label>
          <input className="fr-input" id={`${id}-nombre`} name="nombrePostes" type="number" min={1} max={MAX_POSTES_DEPARTEMENT} required value={nombrePostes}
            onChange={(e) => setNombrePostes(Math.min(MAX_POSTES_DEPARTEMENT, Math.max(1, Number(e.target.value) || 1)))} />
        </div>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-text--regular">Sites candidats</legend>
          {CANDIDATS.map(([v, libelle]) => (
            <div key={v} className="fr-fieldset__element">
              <div className="fr-radio-group fr-radio-group--sm">
                <input type="radio" id={`${id}-c-${v}`} name="candidats" value={v} checked={candidats === v} onChange={() => setCandidats(v)} />
                <label className="fr-label" htmlFor={`${id}-c-${v}`}>{libelle}</label>
              </div>
            </div>
          ))}
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-text--regular">Pondération de la demande</legend>
          {POIDS.map(([v, libelle]) => (
            <div key={v} className="fr-fieldset__element">
              <div className="fr-radio-group fr-radio-group--sm">
                <input type="radio" id={`${id}-p-${v}`} name="poids" value={v} checked={poids === v} onChange={() => setPoids(v)} />
                <label className="fr-label" htmlFor={`${id}-p-${v}`}>{libelle}</label>
              </div>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="fr-btn fr-btn--icon-left fr-icon-calculator-line maillage-optimisation__calculer" disabled={enCalcul}>
          {enCalcul ? 'Calcul en cours…' : 'Calculer le placement optimal'}
        </button>
      </form>
      {erreur ? <div className="fr-alert fr-alert--error fr-alert--sm fr-mt-2w" role="alert"><p>{erreur.message}</p></div> : null}
      <div aria-live="polite" aria-busy={enCalcul}>
        {resultat ? (
          <div className="fr-mt-2w" data-resultat="optimisation">
            <dl className="maillage-resume">
              {resumeOptimisation(resultat).map((l) => (
                <div key={l.cle} data-chiffre={l.cle}>
                  <dt>{l.libelle}</dt>
                  <dd>{l.valeur}</dd>
                </div>
              ))}
            </dl>
            {sites.length === 0 ? (
              <p className="fr-text--sm">Aucun site ne couvre de zone blanche : tout le département est déjà couvert à ce rayon.</p>
            ) : (
              <>
                <TableauDsfr className="fr-table--sm fr-table--no-scroll maillage-tableau">
                  <table data-liste="sites-proposes">
                    <caption>Sites proposés, du plus grand gain au plus petit (numéros de la carte)</caption>
                    <thead>
                      <tr>
                        <th scope="col"><span className="fr-sr-only">Choisir</span></th>
                        <th scope="col">N°</th>
                        <th scope="col">Site</th>
                        <th scope="col" className="maillage-nombre">Gain</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sites.map((s, k) => (
                        <tr key={`${s.lon},${s.lat}`}>
                          <td>
                            {dejaAjoute(s) ? (
                              <span className="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon">ajouté</span>
                            ) : (
                              <input type="checkbox" id={`${id}-s-${k}`} checked={coches.has(k)} onChange={() => basculer(k)} aria-label={`Choisir le site n° ${k + 1}, ${s.nom}`} />
                            )}
                          </td>
                          <td><span className="maillage-repere maillage-repere--propose maillage-repere--legende" aria-hidden="true">{k + 1}</span><span className="fr-sr-only">{k + 1}</span></td>
                          <td>{s.nom}{s.code ? <span className="fr-text--xs maillage-discret"> ({s.code})</span> : null}</td>
                          <td className="maillage-nombre">+{formatObjectif(s.gain, resultat.poids)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableauDsfr>
                <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline-md fr-btns-group--icon-left">
                  <li>
                    <button type="button" className="fr-btn fr-btn--secondary" disabled={coches.size === 0} onClick={() => { onAccepter([...coches].sort((a, b) => a - b)); setCoches(new Set()) }}>
                      Ajouter les sites cochés ({formatEntier(coches.size)})
                    </button>
                  </li>
                  <li>
                    <button type="button" className="fr-btn fr-btn--icon-left fr-icon-add-line" disabled={restants.length === 0} onClick={() => { onAccepter(restants); setCoches(new Set()) }}>
                      Ajouter tous les sites au scénario
                    </button>
                  </li>
                </ul>
              </>
            )}
          </div>
        ) : null}
      </div>
    </section>
  )
}
