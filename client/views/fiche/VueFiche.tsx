// /departements/:code/fiche: a one- or two-page A4 summary of a département, made to be printed or saved as PDF.
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useParams } from 'react-router-dom'
import { moi, candidatures as requeteCandidatures } from '../../api/queries/comptes.ts'
import { communesDepartement, couvertureDepartement, couvertureNationale, evolution, zonesBlanches } from '../../api/queries/couverture.ts'
import { lieuxDepartement } from '../../api/queries/lieux.ts'
import { departement as requeteDepartement, geometrieCommunes, sante } from '../../api/queries/territoires.ts'
import { CourbeEvolution, PhrasesEvolution } from '../../charts/CourbeEvolution.tsx'
import { formatDecimal, formatEntier, formatKm } from '../../charts/format.ts'
import { voitCandidatures } from '../../presenters/candidatures.ts'
import { LIBELLES_CATEGORIES } from '../../../server/domain/offre.ts'
import { presenterEvolution } from '../../presenters/evolution.ts'
import { lignesChiffresFiche, resumerCandidatures } from '../../presenters/fiche.ts'
import { dateImport, libelleSources } from '../../presenters/sources.ts'
import { Etat } from '../../ui/Etat.tsx'
import { useTitre } from '../../ui/useTitre.ts'
import { useVue } from '../useVue.ts'
import { CarteFiche } from './CarteFiche.tsx'
import './fiche.css'

const NOMBRE_ZONES_BLANCHES = 10

export function VueFiche() {
  const { code = '' } = useParams()
  const [vue, , suffixe] = useVue()
  // The fiche is today's: the figures of the import, whatever date the dashboard was showing.
  const parametres = { rayonKm: vue.rayonKm, offre: vue.offre }
  const departement = useQuery(requeteDepartement(code))
  const couverture = useQuery(couvertureDepartement(code, parametres))
  const national = useQuery(couvertureNationale(parametres))
  const communes = useQuery(communesDepartement(code, parametres))
  const geometrie = useQuery(geometrieCommunes(code))
  const lieux = useQuery(lieuxDepartement(code, vue.offre))
  const zones = useQuery(zonesBlanches(code, parametres, 'population', NOMBRE_ZONES_BLANCHES))
  const historique = useQuery(evolution(parametres, code))
  const source = useQuery(sante())
  // Only agents who see the département get its candidatures: nobody else asks, and the fiche says nothing of them.
  const qui = useQuery(moi())
  const lesVoit = voitCandidatures(qui.data?.agent, code)
  const candidatures = useQuery({ ...requeteCandidatures(code, { ...parametres, tri: 'gain' }), enabled: lesVoit, retry: false })
  const d = departement.data
  useTitre(d ? `Fiche ${d.nom} (${code})` : `Fiche du département ${code}`)

  const region = national.data?.regions.find((r) => r.code === d?.region)
  const lignes = useMemo(() => lignesChiffresFiche([couverture.data, region, national.data?.national], vue.rayonKm), [couverture.data, region, national.data, vue.rayonKm])
  const points = useMemo(() => (historique.data ? presenterEvolution(historique.data.points, null) : null), [historique.data])
  const resume = resumerCandidatures(candidatures.data?.candidatures)
  const prete = [departement, couverture, national, communes, geometrie, lieux, zones, historique, source, qui].every((q) => q.isSuccess) &&
    (!lesVoit || !candidatures.isPending)

  return (
    <article className="maillage-fiche" data-fiche-prete={prete ? 'oui' : 'non'} data-code={code}>
      <div className="maillage-fiche__actions maillage-ecran-seul fr-mb-2w">
        <Link className="fr-link" to={`/departements/${code}${suffixe}`}>Retour au tableau de bord du département</Link>
        <button type="button" className="fr-btn fr-btn--sm fr-icon-printer-line fr-btn--icon-left fr-ml-2w" onClick={() => window.print()}>
          Imprimer ou enregistrer en PDF
        </button>
      </div>
      <Etat chargement={departement.isPending} erreur={departement.error ?? couverture.error ?? national.error}>
        <header className="maillage-fiche__entete">
          <h1>{d?.nom} ({code}) — couverture de la médiation numérique</h1>
          <p>
            {d?.nomRegion} · rayon {vue.rayonKm}&nbsp;km · offre : {vue.offre.map((c) => LIBELLES_CATEGORIES[c]).join(', ')}
            {source.data ? ` · données de l’import du ${dateImport(source.data.import.date)}` : ''}
          </p>
        </header>
        <div className="maillage-fiche__haut">
          {geometrie.data && communes.data ? (
            <CarteFiche titre={`Couverture des communes à ${vue.rayonKm} km`} geometrie={geometrie.data} communes={communes.data.communes} lieux={lieux.data} />
          ) : <p>Chargement de la carte…</p>}
          <section aria-label="Chiffres clés">
            <h2>Chiffres clés</h2>
            <table className="maillage-fiche__table" data-table="chiffres">
              <thead>
                <tr><th scope="col">Indicateur</th><th scope="col">{d?.nom ?? code}</th><th scope="col">{region?.nom ?? 'Région'}</th><th scope="col">France</th></tr>
              </thead>
              <tbody>
                {lignes.map((l) => (
                  <tr key={l.cle} data-chiffre={l.cle}>
                    <th scope="row">{l.libelle}</th>
                    {l.valeurs.map((v, i) => <td key={i}>{v}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
            <p>France : hors collectivités d’outre-mer.</p>
          </section>
        </div>
        <div className="maillage-fiche__bas">
          <section aria-label="Zones blanches les plus peuplées">
            <h2>Les {NOMBRE_ZONES_BLANCHES} zones blanches les plus peuplées</h2>
            <Etat chargement={zones.isPending} erreur={zones.error}>
              {zones.data && zones.data.communes.length > 0 ? (
                <table className="maillage-fiche__table" data-table="zones-blanches">
                  <thead>
                    <tr><th scope="col">Commune</th><th scope="col">Habitants</th><th scope="col">Distance</th><th scope="col">IFN</th></tr>
                  </thead>
                  <tbody>
                    {zones.data.communes.map((c) => (
                      <tr key={c.code} data-code={c.code}>
                        <th scope="row" title={`Code INSEE ${c.code}`}>{c.nom}</th>
                        <td>{formatEntier(c.population)}</td>
                        <td>{formatKm(c.distanceKm)}</td>
                        <td>{formatDecimal(c.ifn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : <p>Aucune commune en zone blanche à {vue.rayonKm}&nbsp;km.</p>}
              {zones.data && zones.data.total > NOMBRE_ZONES_BLANCHES ? <p>{formatEntier(zones.data.total)} communes en zone blanche en tout.</p> : null}
            </Etat>
          </section>
          <section aria-label="Évolution du maillage">
            <h2>Évolution du maillage</h2>
            <Etat chargement={historique.isPending} erreur={historique.error}>
              {points ? <CourbeEvolution titre={`Population couverte, ${d?.nom ?? code}`} points={points} phrases={false} /> : null}
            </Etat>
          </section>
        </div>
        {points ? (
          <section className="maillage-fiche__phrases" aria-label="Ce que contient chaque date">
            <h2>Ce que contient chaque date</h2>
            <PhrasesEvolution points={points} />
          </section>
        ) : null}
        {resume ? (
          <section className="maillage-fiche__candidatures" aria-label="Candidatures" data-section="candidatures">
            <h2>Candidatures aux postes de conseiller numérique</h2>
            <p>
              {formatEntier(resume.nombre)} candidatures pour {formatEntier(resume.postes)} postes ({resume.coutEtatEuros} de financement de l’État) ;
              avis : {resume.avis.favorable} favorables, {resume.avis.reserve} réservés, {resume.avis.defavorable} défavorables, {resume.avis.sansAvis} sans avis.
              {resume.meilleure ? ` La plus utile seule : ${resume.meilleure.nom} (${resume.meilleure.gain} habitants de zones blanches couverts).` : ''}
            </p>
          </section>
        ) : null}
        <footer className="maillage-fiche__sources">
          <p>
            Une commune est couverte si son point central est à moins de {vue.rayonKm}&nbsp;km (à vol d’oiseau) d’un lieu de l’offre ; sinon elle est en zone blanche.
            IFN : indice de fragilité numérique (La MedNum, 2023).
          </p>
          <p>{source.data ? `${libelleSources(source.data.import.sources)}. Import du ${dateImport(source.data.import.date)}.` : 'Chargement des sources…'}</p>
          <p>Maillage — fiche produite le {dateImport(new Date().toISOString())} depuis {typeof window === 'undefined' ? '' : window.location.host}.</p>
        </footer>
      </Etat>
    </article>
  )
}
