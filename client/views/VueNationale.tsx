import { useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useMemo, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { liensCsv } from '../api/client.ts'
import { couvertureNationale, evolution } from '../api/queries/couverture.ts'
import { CourbeEvolution } from '../charts/CourbeEvolution.tsx'
import { presenterEvolution } from '../presenters/evolution.ts'
import { ControleDate } from '../ui/ControleDate.tsx'
import { contoursDepartements, contoursRegions } from '../api/queries/territoires.ts'
import { CarteNationale } from '../map/CarteNationale.tsx'
import { cadrageZoome } from '../map/cadrage.ts'
import type { Bbox } from '../api/types.ts'
import { EncartsOutreMer } from '../map/EncartsOutreMer.tsx'
import { INDICATEUR_NATIONAL } from '../presenters/indicateurs.ts'
import { presenterNational } from '../presenters/national.ts'
import { INDICATEURS_NATIONAUX } from '../presenters/parametres.ts'
import { ChiffresCles } from '../ui/ChiffresCles.tsx'
import { ComparaisonMethodes } from '../ui/ComparaisonMethodes.tsx'
import { Controles } from '../ui/Controles.tsx'
import { Etat } from '../ui/Etat.tsx'
import { Legende } from '../ui/Legende.tsx'
import { TableauDepartements } from '../ui/TableauDepartements.tsx'
import { useTitre } from '../ui/useTitre.ts'
import { useApresDessin } from './useApresDessin.ts'
import { useVue } from './useVue.ts'

// maplibre (≈ 300 kB gzipped) is fetched only when the user zooms in: the first view stays a 2D canvas.
const CarteNationaleDetaillee = lazy(async () => ({ default: (await import('../map/CarteNationaleDetaillee.tsx')).CarteNationaleDetaillee }))

const OPTIONS = INDICATEURS_NATIONAUX.map((valeur) => ({ valeur, libelle: INDICATEUR_NATIONAL[valeur].libelle }))

export function VueNationale() {
  useTitre('Tableau de bord national')
  const [vue, changer, suffixe] = useVue()
  const naviguer = useNavigate()
  const couverture = useQuery(couvertureNationale(vue))
  // The same figures counted at commune centres, only for the comparison of the two methods.
  const centres = useQuery({ ...couvertureNationale(vue, 'centres'), enabled: couverture.isSuccess && !vue.date })
  const client = useQueryClient()
  // The new figures are requested at the control's event, while React renders the new URL, not after it.
  const changerEtCharger = (changement: Partial<typeof vue>) => {
    // Another offre has other dates: back to today's lieux.
    const complet = changement.offre !== undefined ? { ...changement, date: null } : changement
    void client.prefetchQuery(couvertureNationale({ ...vue, ...complet }))
    changer(complet)
  }
  const evolutionNationale = useQuery(evolution(vue))
  const pointsEvolution = useMemo(() => (evolutionNationale.data ? presenterEvolution(evolutionNationale.data.points, vue.date) : null), [evolutionNationale.data, vue.date])
  const departements = useQuery(contoursDepartements())
  const regions = useQuery(contoursRegions())
  const zonesBlanchesCentres = useMemo(
    () => (centres.data ? new Map(centres.data.departements.map((d) => [d.code, d.populationZonesBlanches])) : undefined),
    [centres.data],
  )
  const presente = useMemo(() => (couverture.data ? presenterNational(couverture.data, vue.indicateur) : null), [couverture.data, vue.indicateur])
  // The map is painted first; the 109-row table follows.
  const differee = useApresDessin(couverture.data)
  // null: the canvas first view; a frame: the zoomable maplibre map, opened around where the user zoomed.
  const [zoom, setZoom] = useState<Bbox | null>(null)
  const libelles = useMemo(
    () => new Map((couverture.data?.departements ?? []).map((d) => [d.code, presente?.def.format(presente.def.valeur(d)) ?? ''])),
    [couverture.data, presente],
  )

  return (
    <div className="fr-container--fluid maillage-vue" data-vue="nationale">
      <div className="maillage-entete fr-px-3w fr-pt-2w">
        <h1 className="fr-h3">Couverture de la médiation numérique en France</h1>
        <p className="fr-text--sm">
          Part de la population à moins de {vue.rayonKm}&nbsp;km d’un lieu de médiation numérique, par département. Choisissez un
          département sur la carte ou dans le tableau.
        </p>
      </div>
      <div className="maillage-grille">
        <aside className="maillage-panneau" aria-label="Paramètres et chiffres nationaux">
          <Controles vue={vue} onChange={changerEtCharger} indicateur={vue.indicateur} indicateurs={OPTIONS} onIndicateur={(indicateur) => changer({ indicateur })} />
          {evolutionNationale.data ? <ControleDate points={evolutionNationale.data.points} date={vue.date} onDate={(date) => changerEtCharger({ date })} /> : null}
          {presente ? <Legende titre={presente.def.libelle} unite={presente.def.unite} classement={presente.classement} format={presente.def.format} /> : null}
          <Etat chargement={couverture.isPending} erreur={couverture.error}>
            {couverture.data ? (
              <div aria-live="polite" aria-busy={couverture.isPlaceholderData}>
                <ChiffresCles chiffres={couverture.data.national} rayonKm={couverture.data.rayonKm} titre={`France (hors collectivités d’outre-mer)${vue.date ? `, lieux connus en ${vue.date}` : ''}`} />
                {!vue.date && <ComparaisonMethodes carreaux={couverture.data.national} centres={centres.data?.national} rayonKm={couverture.data.rayonKm} territoire="France (hors collectivités d’outre-mer)" />}
              </div>
            ) : null}
          </Etat>
          <p>
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={liensCsv.national(vue)} download>
              Télécharger les chiffres des départements (CSV)
            </a>
          </p>
        </aside>
        <div className="maillage-zone-carte">
          <Etat chargement={false} erreur={departements.error ?? regions.error} />
          {zoom ? (
            <Suspense fallback={<p className="fr-text--sm">Chargement de la carte détaillée…</p>}>
              <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary fr-mb-1w" onClick={() => setZoom(null)}>
                Revenir à la vue d’ensemble
              </button>
              <CarteNationaleDetaillee
                libelle="Carte des départements colorés selon l’indicateur choisi, avec les noms des communes ; le tableau qui suit donne les mêmes chiffres"
                cadrage={zoom}
                departements={departements.data}
                regions={regions.data}
                couleurs={presente?.couleurs}
                onSelect={(code) => naviguer(`/departements/${code}${suffixe}`)}
              />
            </Suspense>
          ) : (
            <CarteNationale
              libelle="Carte des départements colorés selon l’indicateur choisi ; le tableau qui suit donne les mêmes chiffres"
              departements={departements.data}
              regions={regions.data}
              couleurs={presente?.couleurs}
              libelles={libelles}
              onSelect={(code) => naviguer(`/departements/${code}${suffixe}`)}
              onZoom={(autour) => setZoom(cadrageZoome(autour))}
            />
          )}
          {departements.data && presente ? (
            <EncartsOutreMer contours={departements.data} couleurs={presente.couleurs} suffixe={suffixe} libelles={libelles} />
          ) : null}
        </div>
      </div>
      <section className="fr-px-3w fr-pb-2w maillage-section-evolution" aria-label="Évolution du maillage">
        <h2 className="fr-h4">Évolution du maillage</h2>
        <Etat chargement={evolutionNationale.isPending} erreur={evolutionNationale.error}>
          {pointsEvolution ? (
            <CourbeEvolution titre="Population couverte, France hors COM" points={pointsEvolution} onChoix={(date) => changerEtCharger({ date: date === pointsEvolution.at(-1)?.date ? null : date })} />
          ) : null}
        </Etat>
      </section>
      <section className="fr-px-3w fr-pb-4w" aria-label="Classement des départements">
        <h2 className="fr-h4">Classement des départements</h2>
        <Etat chargement={couverture.isPending} erreur={couverture.error}>
          {differee ? <TableauDepartements key={vue.indicateur} departements={differee.departements} indicateur={vue.indicateur} suffixe={suffixe} zonesBlanchesCentres={zonesBlanchesCentres} /> : null}
        </Etat>
      </section>
    </div>
  )
}
