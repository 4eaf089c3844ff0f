import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useId, useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { liensCsv } from '../api/client.ts'
import { communesDepartement, couvertureDepartement, couvertureNationale, evolution, zonesBlanches } from '../api/queries/couverture.ts'
import { CourbeEvolution } from '../charts/CourbeEvolution.tsx'
import { presenterEvolution } from '../presenters/evolution.ts'
import { ControleDate } from '../ui/ControleDate.tsx'
import { lieuxDepartement } from '../api/queries/lieux.ts'
import { contoursDepartements, departement as requeteDepartement } from '../api/queries/territoires.ts'
import { Barres } from '../charts/Barres.tsx'
import { formatEntier, formatKm } from '../charts/format.ts'
import { Histogramme } from '../charts/Histogramme.tsx'
import { Carte } from '../map/Carte.tsx'
import { palette } from '../map/palette.ts'
import { comparer, histogrammeAccessibilite, populationParDistance, presenterCommunes } from '../presenters/departement.ts'
import { classementCommunal, INDICATEUR_COMMUNAL } from '../presenters/indicateurs.ts'
import { INDICATEURS_COMMUNAUX } from '../presenters/parametres.ts'
import { ecrirePlanification, SCENARIO_VIDE } from '../presenters/scenario.ts'
import { ChiffresCles } from '../ui/ChiffresCles.tsx'
import { Comparaison } from '../ui/Comparaison.tsx'
import { ComparaisonMethodes } from '../ui/ComparaisonMethodes.tsx'
import { horsGrille, PHRASE_HORS_GRILLE } from '../presenters/methodes.ts'
import { Controles } from '../ui/Controles.tsx'
import { Etat } from '../ui/Etat.tsx'
import { Legende } from '../ui/Legende.tsx'
import { LegendeLieux } from '../ui/LegendeLieux.tsx'
import { ListeZonesBlanches } from '../ui/ListeZonesBlanches.tsx'
import { TableauCommunes } from '../ui/TableauCommunes.tsx'
import { useTitre } from '../ui/useTitre.ts'
import { useVue } from './useVue.ts'

/** Long enough for a report, short enough to print; the CSV export has every commune. */
export const LIMITE_ZONES_BLANCHES = 50
// The cells use the distance bands of the commune map, so both legends read alike.
const CLASSES_CARREAUX = classementCommunal('distanceKm', [])
const OPTIONS = INDICATEURS_COMMUNAUX.map((valeur) => ({ valeur, libelle: INDICATEUR_COMMUNAL[valeur].libelle }))

export function VueDepartement() {
  const { code = '' } = useParams()
  const [vue, changer, suffixe] = useVue()
  const naviguer = useNavigate()
  const departement = useQuery(requeteDepartement(code))
  const couverture = useQuery(couvertureDepartement(code, vue))
  const centres = useQuery({ ...couvertureDepartement(code, vue, 'centres'), enabled: couverture.isSuccess && !vue.date })
  const communes = useQuery(communesDepartement(code, vue))
  const zones = useQuery(zonesBlanches(code, vue, vue.tri, LIMITE_ZONES_BLANCHES))
  const national = useQuery(couvertureNationale(vue))
  const lieux = useQuery(lieuxDepartement(code, vue.offre, vue.date))
  const evolutionDepartement = useQuery(evolution(vue, code))
  const pointsEvolution = useMemo(() => (evolutionDepartement.data ? presenterEvolution(evolutionDepartement.data.points, vue.date) : null), [evolutionDepartement.data, vue.date])
  // Another offre has other dates: back to today's lieux.
  const changerParametres = (changement: Partial<typeof vue>) => changer(changement.offre !== undefined ? { ...changement, date: null } : changement)
  const contours = useQuery(contoursDepartements())
  useTitre(departement.data ? `${departement.data.nom} (${code})` : `Département ${code}`)
  const idGrille = useId()
  const [grille, setGrille] = useState(false)
  // A DROM has no cell: the layer would stay empty and both columns of the comparison would be equal.
  const sansCarreaux = communes.data !== undefined && horsGrille(communes.data)
  const carreaux = useMemo(
    () => (grille && !sansCarreaux ? { departement: code, offre: vue.offre, seuils: CLASSES_CARREAUX.seuils, couleurs: CLASSES_CARREAUX.couleurs } : undefined),
    [grille, sansCarreaux, code, vue.offre],
  )

  const presente = useMemo(() => (communes.data ? presenterCommunes(communes.data.communes, vue.indicateurCommunal) : null), [communes.data, vue.indicateurCommunal])
  const choroplethe = useMemo(() => (presente ? { etats: presente.etats, couleur: presente.couleur, departement: code } : undefined), [presente, code])
  const selection = useMemo(() => ({ etats: new Map<string, never>(), couleur: palette.horsSelection, selection: code }), [code])
  // Map first; charts and the commune table follow in a deferred render.
  const communesDifferees = useDeferredValue(communes.data)
  const region = national.data?.regions.find((r) => r.code === departement.data?.region)
  const d = departement.data

  return (
    <div className="fr-container--fluid maillage-vue" data-vue="departement" data-code={code}>
      <div className="maillage-entete fr-px-3w fr-pt-2w">
        <nav role="navigation" className="fr-breadcrumb fr-mb-1w" aria-label="vous êtes ici :">
          <ol className="fr-breadcrumb__list">
            <li><Link className="fr-breadcrumb__link" to={`/${suffixe}`}>France</Link></li>
            <li><a className="fr-breadcrumb__link" aria-current="page">{d?.nom ?? code}</a></li>
          </ol>
        </nav>
        <Etat chargement={departement.isPending} erreur={departement.error}>
          <h1 className="fr-h3">
            {d?.nom} ({code}) <span className="fr-text--lead fr-text--regular">— {d?.nomRegion}</span>
          </h1>
          <p className="fr-text--sm maillage-imprime-seul">Rayon {vue.rayonKm}&nbsp;km · {formatEntier(d?.population)} habitants · {formatEntier(d?.communes)} communes</p>
        </Etat>
      </div>
      <div className="maillage-grille">
        <aside className="maillage-panneau" aria-label="Paramètres et chiffres du département">
          <Controles vue={vue} onChange={changerParametres} indicateur={vue.indicateurCommunal} indicateurs={OPTIONS} onIndicateur={(indicateurCommunal) => changer({ indicateurCommunal })} />
          {evolutionDepartement.data ? <ControleDate points={evolutionDepartement.data.points} date={vue.date} onDate={(date) => changer({ date })} /> : null}
          {presente ? <Legende titre={presente.def.libelle} unite={presente.def.unite} classement={presente.classement} format={presente.def.format} libelles={presente.libelles} zonesBlanches /> : null}
          {sansCarreaux ? <p className="fr-text--sm fr-my-2w" data-hors-grille>{PHRASE_HORS_GRILLE}</p> : (
            <>
              <div className="fr-checkbox-group fr-checkbox-group--sm fr-my-2w">
                <input type="checkbox" id={idGrille} checked={grille} onChange={(e) => setGrille(e.target.checked)} />
                <label className="fr-label" htmlFor={idGrille}>
                  Montrer où vivent les habitants (carreaux de 1 km)
                  <span className="fr-hint-text">Chaque carreau habité, coloré selon sa distance au lieu le plus proche de l’offre choisie</span>
                </label>
              </div>
              {grille ? <Legende titre="Distance des habitants au lieu le plus proche" unite="km à vol d’oiseau, du centre de chaque carreau de 1 km" classement={CLASSES_CARREAUX} format={formatKm} /> : null}
            </>
          )}
          <LegendeLieux />
          <Etat chargement={couverture.isPending} erreur={couverture.error}>
            {couverture.data ? (
              <div aria-live="polite" aria-busy={couverture.isPlaceholderData}>
                <ChiffresCles chiffres={couverture.data} rayonKm={couverture.data.rayonKm} titre={`Chiffres du département (${couverture.data.rayonKm} km${vue.date ? `, lieux connus en ${vue.date}` : ''})`} />
                {!vue.date && !sansCarreaux && <ComparaisonMethodes carreaux={couverture.data} centres={centres.data} rayonKm={couverture.data.rayonKm} territoire={couverture.data.nom} />}
              </div>
            ) : null}
          </Etat>
          <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--icon-left maillage-exports">
            <li>
              <a className="fr-btn fr-btn--secondary fr-icon-download-line" href={liensCsv.departement(code, vue)} download>
                Communes du département (CSV)
              </a>
            </li>
            <li>
              <Link className="fr-btn fr-icon-map-pin-2-line" to={`/planifier/${code}?${ecrirePlanification({ rayonKm: vue.rayonKm, offre: vue.offre, ...SCENARIO_VIDE }).toString()}`}>
                Planifier de nouveaux postes
              </Link>
            </li>
            <li>
              <Link className="fr-btn fr-btn--secondary fr-icon-file-text-line" to={`/departements/${code}/candidatures${suffixe}`}>
                Candidatures (agents)
              </Link>
            </li>
            <li>
              <Link className="fr-btn fr-btn--secondary fr-icon-printer-line" to={`/departements/${code}/fiche${suffixe}`}>
                Fiche du département (A4, PDF)
              </Link>
            </li>
            <li>
              <button type="button" className="fr-btn fr-btn--tertiary fr-icon-printer-line" onClick={() => window.print()}>
                Imprimer le rapport
              </button>
            </li>
          </ul>
        </aside>
        <div className="maillage-zone-carte">
          <Etat chargement={false} erreur={communes.error ?? lieux.error ?? contours.error} />
          <Carte
            libelle={`Carte des communes du département ${d?.nom ?? code} ; le tableau des communes donne les mêmes chiffres`}
            cadrage={d?.bbox ?? null}
            contoursDepartements={contours.data}
            departements={selection}
            communes={choroplethe}
            lieux={lieux.data}
            carreaux={carreaux}
            onSelectCommune={(commune) => naviguer(`/communes/${commune}${suffixe}`)}
            onSelectDepartement={(autre) => autre !== code && naviguer(`/departements/${autre}${suffixe}`)}
          />
        </div>
      </div>
      <div className="maillage-colonnes fr-px-3w fr-pb-4w">
        <section aria-label="Comparaisons et graphiques">
          <h2 className="fr-h5">Comparaison</h2>
          <Comparaison colonnes={[d?.nom ?? code, region?.nom ?? 'Région', 'France']} lignes={comparer([couverture.data, region, national.data?.national])} />
          <Etat chargement={evolutionDepartement.isPending} erreur={evolutionDepartement.error}>
            {pointsEvolution ? (
              <CourbeEvolution titre={`Évolution du maillage, ${d?.nom ?? code}`} points={pointsEvolution} onChoix={(date) => changer({ date: date === pointsEvolution.at(-1)?.date ? null : date })} />
            ) : null}
          </Etat>
          {communesDifferees ? (
            <div className="maillage-graphiques">
              <Barres titre="Population selon la distance au lieu le plus proche" unite="habitants, comptés au point central de leur commune" barres={populationParDistance(communesDifferees.communes)} format={formatEntier} />
              <Histogramme titre="Accessibilité des communes" unite="classe d’indice" classes={histogrammeAccessibilite(communesDifferees.communes)} />
            </div>
          ) : null}
        </section>
        <Etat chargement={zones.isPending} erreur={zones.error}>
          {zones.data ? <ListeZonesBlanches zones={zones.data} tri={vue.tri} onTri={(tri) => changer({ tri })} suffixe={suffixe} /> : null}
        </Etat>
      </div>
      <div className="fr-px-3w fr-pb-4w maillage-ecran-seul">
        {communesDifferees ? <TableauCommunes communes={communesDifferees.communes} suffixe={suffixe} /> : null}
      </div>
    </div>
  )
}
