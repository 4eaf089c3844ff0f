// Keyboard equivalents of the map clicks: add a poste at a commune's centre (search or white-zone
// list) or at an existing lieu, and withdraw a lieu, all from lists of buttons.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { zonesBlanches } from '../../api/queries/couverture.ts'
import { commune as requeteCommune, rechercheCommunes } from '../../api/queries/territoires.ts'
import type { CollectionLieux, Parametres } from '../../api/types.ts'
import { formatEntier, formatKm } from '../../charts/format.ts'
import { LIBELLES_CATEGORIES } from '../../../server/domain/offre.ts'
import { normaliser } from '../../presenters/trouver.ts'
import { Etat } from '../../ui/Etat.tsx'

type Props = {
  code: string
  parametres: Parametres
  /** Communes covered under the scenario (white zones today that it covers). */
  couvertesParScenario: ReadonlySet<string>
  lieux: CollectionLieux | undefined
  retraits: readonly number[]
  onAjouter: (point: { lon: number; lat: number }) => void
  onBasculerRetrait: (lieuId: number) => void
}

const NB_ZONES_BLANCHES = 8
const NB_LIEUX = 8

export function AjoutSansCarte({ code, parametres, couvertesParScenario, lieux, retraits, onAjouter, onBasculerRetrait }: Props) {
  const id = useId()
  const client = useQueryClient()
  const [saisie, setSaisie] = useState('')
  const [recherche, setRecherche] = useState('')
  const [filtreLieux, setFiltreLieux] = useState('')
  // On the cells, as the simulation counts: the communes with the most uncovered inhabitants (blanches or partielles).
  const zones = useQuery(zonesBlanches(code, parametres, 'population-non-couverte', NB_ZONES_BLANCHES))
  const trouvees = useQuery(rechercheCommunes(recherche))
  const communesTrouvees = (trouvees.data?.communes ?? []).filter((c) => c.departement === code)
  const [erreur, setErreur] = useState<Error | null>(null)
  const ajouterAuCentre = (commune: string) =>
    client.fetchQuery(requeteCommune(commune)).then((c) => { setErreur(null); onAjouter({ lon: c.longitude, lat: c.latitude }) }, setErreur)

  const lieuxFiltres = useMemo(() => {
    const q = normaliser(filtreLieux.trim())
    return (lieux?.features ?? []).filter((l) => q === '' || normaliser(l.properties.nom).includes(q)).slice(0, NB_LIEUX)
  }, [lieux, filtreLieux])

  return (
    <section className="maillage-sans-carte" aria-labelledby={`${id}-titre`}>
      <h2 className="fr-h6" id={`${id}-titre`}>Ajouter ou retirer sans la carte</h2>
      {erreur ? <div className="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>{erreur.message}</p></div> : null}
      <details className="maillage-details" open>
        <summary>Communes où le plus d’habitants ne sont pas couverts</summary>
        <Etat chargement={zones.isPending} erreur={zones.error}>
          {zones.data?.communes.length === 0 ? <p className="fr-text--sm">Aucune zone blanche à {parametres.rayonKm}&nbsp;km.</p> : null}
          <ul className="maillage-liste-actions" data-liste="zones-blanches-planification">
            {zones.data?.communes.map((c) => (
              <li key={c.code} data-code={c.code}>
                <span>
                  {c.nom} <span className="fr-text--xs maillage-discret">({formatEntier(c.populationNonCouverte ?? c.population)} hab. non couverts sur {formatEntier(c.population)}, lieu à {formatKm(c.distanceKm)} du centre)</span>
                  {couvertesParScenario.has(c.code) ? <span className="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon fr-ml-1v">mieux couverte par le scénario</span> : null}
                </span>
                <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => void ajouterAuCentre(c.code)}>
                  Ajouter un poste<span className="fr-sr-only"> au centre de {c.nom}</span>
                </button>
              </li>
            ))}
          </ul>
        </Etat>
      </details>
      <details className="maillage-details">
        <summary>Une commune du département</summary>
        <form className="maillage-recherche-commune" role="search" onSubmit={(e) => { e.preventDefault(); setRecherche(saisie) }}>
          <label className="fr-label" htmlFor={`${id}-commune`}>Nom ou code postal</label>
          <div className="fr-input-wrap maillage-en-ligne">
            <input className="fr-input" id={`${id}-commune`} name="commune" value={saisie} onChange={(e) => setSaisie(e.target.value)} autoComplete="off" />
            <button type="submit" className="fr-btn fr-btn--sm">Chercher</button>
          </div>
        </form>
        <Etat chargement={trouvees.isFetching} erreur={trouvees.error}>
          {recherche.trim().length >= 2 && trouvees.data && communesTrouvees.length === 0 ? <p className="fr-text--sm">Aucune commune de ce département ne correspond.</p> : null}
          <ul className="maillage-liste-actions">
            {communesTrouvees.map((c) => (
              <li key={c.code}>
                <span>{c.nom} <span className="fr-text--xs maillage-discret">({c.codesPostaux[0] ?? c.code})</span></span>
                <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => onAjouter({ lon: c.longitude, lat: c.latitude })}>
                  Ajouter un poste<span className="fr-sr-only"> au centre de {c.nom}</span>
                </button>
              </li>
            ))}
          </ul>
        </Etat>
      </details>
      <details className="maillage-details">
        <summary>Un lieu existant (ajouter un poste ou le retirer)</summary>
        <label className="fr-label" htmlFor={`${id}-lieux`}>Filtrer les {formatEntier(lieux?.features.length ?? 0)} lieux par nom</label>
        <input className="fr-input" id={`${id}-lieux`} value={filtreLieux} onChange={(e) => setFiltreLieux(e.target.value)} autoComplete="off" />
        <ul className="maillage-liste-actions" data-liste="lieux-planification">
          {lieuxFiltres.map((l) => {
            const lieuId = Number(l.properties.id)
            const retire = retraits.includes(lieuId)
            return (
              <li key={lieuId}>
                <span>{l.properties.nom} <span className="fr-text--xs maillage-discret">({LIBELLES_CATEGORIES[l.properties.categorie]})</span></span>
                <span className="maillage-en-ligne">
                  <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => onAjouter({ lon: l.geometry.coordinates[0], lat: l.geometry.coordinates[1] })}>
                    Ajouter un poste<span className="fr-sr-only"> à {l.properties.nom}</span>
                  </button>
                  <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => onBasculerRetrait(lieuId)}>
                    {retire ? 'Rétablir' : 'Retirer'}<span className="fr-sr-only"> {l.properties.nom}</span>
                  </button>
                </span>
              </li>
            )
          })}
        </ul>
      </details>
    </section>
  )
}
