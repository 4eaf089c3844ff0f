import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { communesDepartement } from '../api/queries/couverture.ts'
import { lieuxDepartement } from '../api/queries/lieux.ts'
import { optimisation, simulation } from '../api/queries/planification.ts'
import { contoursDepartements, geometrieCommunes, departement as requeteDepartement } from '../api/queries/territoires.ts'
import { formatEntier } from '../charts/format.ts'
import { Carte } from '../map/Carte.tsx'
import { palette } from '../map/palette.ts'
import { expressionCouleur } from '../presenters/classes.ts'
import { classementCommunal } from '../presenters/indicateurs.ts'
import { PHRASE_PLANIFICATEUR } from '../presenters/methodes.ts'
import { reperesSites } from '../presenters/optimisation.ts'
import { positionsRetraits } from '../presenters/petites-cartes.ts'
import { accepterSites, ajouterPoste, basculerRetrait, changerConseillers, corpsSimulation, ecrirePlanification, estDansScenario, SCENARIO_VIDE, supprimerAjout } from '../presenters/scenario.ts'
import { etatsCommunesScenario, lignesAvantApres, messageRefus, pointsScenario, trierCommunesChangees } from '../presenters/simulation.ts'
import { Controles } from '../ui/Controles.tsx'
import { Etat } from '../ui/Etat.tsx'
import { AvantApres } from '../ui/planification/AvantApres.tsx'
import { CommunesChangees } from '../ui/planification/CommunesChangees.tsx'
import { LegendePlanification } from '../ui/planification/LegendePlanification.tsx'
import { ListeScenario } from '../ui/planification/ListeScenario.tsx'
import { PetitesCartes } from '../ui/planification/PetitesCartes.tsx'
import { PanneauOptimisation, type DemandeOptimisation } from '../ui/planification/PanneauOptimisation.tsx'
import '../ui/planification/planification.css'
import { useTitre } from '../ui/useTitre.ts'
import { AjoutSansCarte } from './planifier/AjoutSansCarte.tsx'
import { ExportScenario } from './planifier/ExportScenario.tsx'
import { ScenariosEnregistres } from './planifier/ScenariosEnregistres.tsx'
import { usePlanification } from './planifier/usePlanification.ts'

const COULEUR_COUVERTURE = expressionCouleur(classementCommunal('couverture', []), palette.sansDonnee)

export function VuePlanifier() {
  const { code = '' } = useParams()
  const [plan, modifier] = usePlanification()
  const parametres = useMemo(() => ({ rayonKm: plan.rayonKm, offre: plan.offre }), [plan.rayonKm, plan.offre])
  // Links to other views keep rayonKm and offre, not the scenario.
  const suffixeVue = `?${ecrirePlanification({ ...parametres, ...SCENARIO_VIDE }).toString()}`
  const departement = useQuery(requeteDepartement(code))
  // The simulation counts inhabitants on the 1 km cells, as the map and « avant » figures do (README « Décisions »).
  const communes = useQuery(communesDepartement(code, parametres))
  const lieux = useQuery(lieuxDepartement(code, plan.offre))
  const contours = useQuery(contoursDepartements())
  const geometrie = useQuery(geometrieCommunes(code))
  const corps = useMemo(() => corpsSimulation(code, plan), [code, plan])
  const sim = useQuery(simulation(corps))
  const [demande, setDemande] = useState<DemandeOptimisation | null>(null)
  const [horsTerritoire, setHorsTerritoire] = useState(false)
  const optim = useQuery({
    ...optimisation({
      departement: code, rayonKm: plan.rayonKm, offre: [...plan.offre], ajouts: [...plan.ajouts], retraits: [...plan.retraits], methode: 'carreaux',
      ...(demande ?? { nombrePostes: 1, candidats: 'communes', poids: 'population' }),
    }),
    enabled: demande !== null,
    placeholderData: keepPreviousData,
  })
  const d = departement.data
  useTitre(d ? `Planifier — ${d.nom} (${code})` : `Planifier — département ${code}`)

  const changees = useMemo(() => (sim.data ? trierCommunesChangees(sim.data.communesChangees.filter((c) => c.departement === code)) : []), [sim.data, code])
  const etats = useMemo(() => (communes.data ? etatsCommunesScenario(communes.data.communes, sim.data?.communesChangees) : undefined), [communes.data, sim.data])
  const choroplethe = useMemo(() => (etats ? { etats, couleur: COULEUR_COUVERTURE, departement: code } : undefined), [etats, code])
  const selection = useMemo(() => ({ etats: new Map<string, never>(), couleur: palette.horsSelection, selection: code }), [code])
  const points = useMemo(() => pointsScenario(lieux.data, plan.ajouts, plan.retraits), [lieux.data, plan.ajouts, plan.retraits])
  const nomsLieux = useMemo(() => new Map((lieux.data?.features ?? []).map((l) => [Number(l.properties.id), l.properties.nom])), [lieux.data])
  const couvertesParScenario = useMemo(() => new Set(changees.filter((c) => c.apres !== 'blanche').map((c) => c.code)), [changees])
  const reperes = useMemo(() => reperesSites(optim.data), [optim.data])
  const retraitsPlaces = useMemo(() => positionsRetraits(lieux.data, plan.retraits), [lieux.data, plan.retraits])
  const lignes = sim.data ? lignesAvantApres(sim.data.avant, sim.data.apres, sim.data.rayonKm) : null
  const vide = plan.ajouts.length === 0 && plan.retraits.length === 0

  return (
    <div className="fr-container--fluid maillage-vue" data-vue="planifier" data-code={code}>
      <div className="maillage-entete fr-px-3w fr-pt-2w">
        <nav role="navigation" className="fr-breadcrumb fr-mb-1w" aria-label="vous êtes ici :">
          <ol className="fr-breadcrumb__list">
            <li><Link className="fr-breadcrumb__link" to={`/planifier${suffixeVue}`}>Planifier</Link></li>
            <li><Link className="fr-breadcrumb__link" to={`/departements/${code}${suffixeVue}`}>{d?.nom ?? code}</Link></li>
            <li><a className="fr-breadcrumb__link" aria-current="page">Scénario</a></li>
          </ol>
        </nav>
        <Etat chargement={departement.isPending} erreur={departement.error}>
          <h1 className="fr-h3">Planifier de nouveaux postes — {d?.nom} ({code})</h1>
          <p className="fr-text--sm fr-mb-1w">
            Cliquez sur la carte pour ajouter un poste de conseiller numérique, sur un lieu pour le retirer, sur un poste ajouté pour le supprimer.
            Les chiffres se mettent à jour aussitôt ; l’adresse de la page contient le scénario et peut être partagée.
          </p>
        </Etat>
      </div>
      <div className="maillage-planifier fr-px-3w fr-pb-4w">
        <aside className="maillage-panneau" aria-label="Paramètres et scénario">
          <Controles vue={parametres} onChange={(c) => modifier((p) => ({ ...p, ...c }))} />
          <ListeScenario
            ajouts={plan.ajouts}
            retraits={plan.retraits}
            nomsLieux={nomsLieux}
            onConseillers={(k, n) => modifier((p) => ({ ...p, ...changerConseillers(p, k, n) }))}
            onSupprimer={(k) => modifier((p) => ({ ...p, ...supprimerAjout(p, k) }))}
            onRetablir={(id) => modifier((p) => ({ ...p, ...basculerRetrait(p, id) }))}
          />
          <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--icon-left">
            <li>
              <ExportScenario code={code} plan={plan} simulation={sim.data} enCalcul={sim.isPlaceholderData || sim.isFetching} nomsLieux={nomsLieux} />
            </li>
            <li>
              <button type="button" className="fr-btn fr-btn--tertiary fr-icon-refresh-line" disabled={vide} onClick={() => modifier((p) => ({ ...p, ...SCENARIO_VIDE }))}>
                Vider le scénario
              </button>
            </li>
          </ul>
          <ScenariosEnregistres code={code} plan={plan} />
          <AjoutSansCarte
            code={code}
            parametres={parametres}
            couvertesParScenario={couvertesParScenario}
            lieux={lieux.data}
            retraits={plan.retraits}
            onAjouter={(point) => modifier((p) => ({ ...p, ...ajouterPoste(p, point) }))}
            onBasculerRetrait={(id) => modifier((p) => ({ ...p, ...basculerRetrait(p, id) }))}
          />
        </aside>
        <div className="maillage-zone-carte">
          <Etat chargement={false} erreur={communes.error ?? lieux.error ?? contours.error ?? geometrie.error} />
          <Carte
            libelle={`Carte du scénario pour ${d?.nom ?? code} ; les listes du panneau permettent les mêmes actions au clavier`}
            cadrage={d?.bbox ?? null}
            contoursDepartements={contours.data}
            departements={selection}
            communes={choroplethe}
            scenario={points}
            reperes={reperes}
            onClicCarte={([lon, lat], dansTerritoire) => {
              setHorsTerritoire(!dansTerritoire)
              if (dansTerritoire) modifier((p) => ({ ...p, ...ajouterPoste(p, { lon, lat }) }))
            }}
            onSelectLieu={(id) => modifier((p) => ({ ...p, ...basculerRetrait(p, id) }))}
            onSelectAjout={(k) => modifier((p) => ({ ...p, ...supprimerAjout(p, k) }))}
          />
          <p role="status" className="fr-text--sm maillage-avis">
            {horsTerritoire ? `Point hors du département ${d?.nom ?? ''} (${code}) : cliquez à l’intérieur de ses limites pour ajouter un poste.` : ''}
          </p>
          <LegendePlanification sitesProposes={reperes.length > 0} />
          <PanneauOptimisation
            resultat={optim.data}
            enCalcul={optim.isFetching}
            erreur={optim.error}
            dejaAjoute={(s) => estDansScenario(plan, s)}
            onCalculer={setDemande}
            onAccepter={(indices) => {
              const sites = optim.data?.sites ?? []
              modifier((p) => ({ ...p, ...accepterSites(p, indices.map((k) => sites[k]!).filter(Boolean)) }))
            }}
          />
        </div>
        <section className="maillage-panneau maillage-resultats" aria-label="Effet du scénario">
          <h2 className="fr-h5">Aujourd’hui et avec le scénario</h2>
          <p className="fr-text--xs" data-methode="carreaux">{PHRASE_PLANIFICATEUR}</p>
          {sim.error ? (
            <div className="fr-alert fr-alert--error fr-alert--sm" role="alert">
              <p>Scénario refusé : {messageRefus(sim.error.message)}. Modifiez-le dans la liste « Scénario ».</p>
            </div>
          ) : null}
          <Etat chargement={sim.isPending && !sim.error} erreur={null}>
            <div aria-live="polite">
              {lignes ? <AvantApres lignes={lignes} enCalcul={sim.isPlaceholderData} titre={`Chiffres du département, rayon ${sim.data!.rayonKm} km`} /> : null}
              {sim.isPlaceholderData ? <p className="fr-text--xs maillage-discret" role="status">Calcul du scénario…</p> : null}
            </div>
            {geometrie.data && communes.data && sim.data ? (
              <PetitesCartes
                geometrie={geometrie.data}
                communes={communes.data.communes}
                communesChangees={sim.data.communesChangees}
                ajouts={plan.ajouts}
                retraits={retraitsPlaces}
                enCalcul={sim.isPlaceholderData}
              />
            ) : null}
            {sim.data ? <CommunesChangees communes={changees} suffixe={suffixeVue} /> : null}
            {sim.data && sim.data.communesChangees.length > changees.length ? (
              <p className="fr-text--xs">
                {formatEntier(sim.data.communesChangees.length - changees.length)} commune(s) d’un département voisin change(nt) aussi de statut.
              </p>
            ) : null}
          </Etat>
          <div className="maillage-ailleurs">
            <h2 className="fr-h6">Et ailleurs ?</h2>
            <p className="fr-text--sm">
              La répartition nationale indique quels départements gagnent le plus à recevoir de nouveaux postes, au même rayon et pour la même offre.
            </p>
            <Link className="fr-btn fr-btn--sm fr-btn--secondary" to={`/planifier${suffixeVue}`}>Répartir des postes entre départements</Link>
          </div>
        </section>
      </div>
    </div>
  )
}
