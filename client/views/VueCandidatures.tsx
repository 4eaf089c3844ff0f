import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link, useLocation, useParams } from 'react-router-dom'
import { liensCsv, urlConnexion } from '../api/client.ts'
import { candidatures as requeteCandidatures, CLE_COMPTES, moi } from '../api/queries/comptes.ts'
import { contoursDepartements, departement as requeteDepartement } from '../api/queries/territoires.ts'
import type { TriCandidatures } from '../api/types.ts'
import { communesDepartement } from '../api/queries/couverture.ts'
import { pluriel } from '../charts/format.ts'
import { agitSurCandidatures } from '../presenters/candidatures.ts'
import { classementGains, filtrerCandidatures, SANS_FILTRE, type Filtres } from '../presenters/carte-candidatures.ts'
import { Etat } from '../ui/Etat.tsx'
import { useTitre } from '../ui/useTitre.ts'
import { CarteCandidatures } from './candidatures/CarteCandidatures.tsx'
import { FiltresCandidatures } from './candidatures/FiltresCandidatures.tsx'
import { ImportCandidatures } from './candidatures/ImportCandidatures.tsx'
import { PanneauCandidature } from './candidatures/PanneauCandidature.tsx'
import { SelectionCandidatures } from './candidatures/SelectionCandidatures.tsx'
import { TableauCandidatures } from './candidatures/TableauCandidatures.tsx'
import { useVue } from './useVue.ts'

const TRIS: { valeur: TriCandidatures; libelle: string }[] = [
  { valeur: 'gain', libelle: 'habitants couverts' }, { valeur: 'cout-par-habitant', libelle: 'coût par habitant' }, { valeur: 'nom', libelle: 'nom' },
]

/**
 * /departements/:code/candidatures: the candidatures of a département ranked by the zone-blanche population each
 * would cover alone, on a map over the coverage and in a table (filtered by avis and type), the detail of one in a side
 * panel, the préfet's avis, the import of the préfecture's file and the best selection within a budget.
 * Agents only; what each may do is the server's decision, the page hides the forms it would refuse.
 */
export function VueCandidatures() {
  const { code = '' } = useParams()
  const { pathname, search } = useLocation()
  const [vue, , suffixe] = useVue()
  const [tri, setTri] = useState<TriCandidatures>('gain')
  const qui = useQuery(moi())
  const departement = useQuery(requeteDepartement(code))
  const agent = qui.data?.agent ?? null
  const parametres = { rayonKm: vue.rayonKm, offre: vue.offre }
  const liste = useQuery({ ...requeteCandidatures(code, { ...parametres, tri }), enabled: agent !== null, retry: false })
  const communes = useQuery({ ...communesDepartement(code, parametres), enabled: agent !== null })
  const contours = useQuery(contoursDepartements())
  const [filtres, setFiltres] = useState<Filtres>(SANS_FILTRE)
  const [selection, setSelection] = useState<number | null>(null)
  const visibles = useMemo(() => filtrerCandidatures(liste.data?.candidatures ?? [], filtres), [liste.data, filtres])
  const classement = useMemo(() => classementGains(visibles), [visibles])
  const choisie = visibles.find((c) => c.id === selection)
  const client = useQueryClient()
  const rafraichir = () => void client.invalidateQueries({ queryKey: [...CLE_COMPTES, 'candidatures', code] })
  const nom = departement.data ? `${departement.data.nom} (${code})` : code
  useTitre(`Candidatures — ${nom}`)
  const agit = agitSurCandidatures(agent, code)

  return (
    <div className="fr-container fr-my-4w maillage-vue" data-vue="candidatures" data-code={code}>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol className="fr-breadcrumb__list">
          <li><Link className="fr-breadcrumb__link" to={`/${suffixe}`}>France</Link></li>
          <li><Link className="fr-breadcrumb__link" to={`/departements/${code}${suffixe}`}>{nom}</Link></li>
          <li><a className="fr-breadcrumb__link" aria-current="page">Candidatures</a></li>
        </ol>
      </nav>
      <h1>Candidatures aux postes de conseiller numérique — {nom}</h1>
      <p className="fr-text--sm">
        Pour chaque candidature : les habitants des zones blanches (rayon {vue.rayonKm}&nbsp;km) qu’elle couvrirait à elle seule, calculés comme une
        simulation du planificateur, et le financement de l’État (50&nbsp;000&nbsp;€ par poste en collectivité, 40&nbsp;000&nbsp;€ en structure privée).
      </p>
      {qui.data && !qui.data.identite && (
        <p>{qui.data.connexionPossible ? <a href={urlConnexion(`${pathname}${search}`)}>Connectez-vous</a> : 'La connexion des agents n’est pas configurée'} : les candidatures sont réservées aux agents.</p>
      )}
      {qui.data?.identite && agent === null && <p>Votre compte n’a pas de rôle dans Maillage : demandez-en un à un administrateur.</p>}
      {agent !== null && (
        <>
          {agit && <ImportCandidatures code={code} onImporte={rafraichir} />}
          <Etat chargement={liste.isPending} erreur={liste.error}>
            {liste.data && (
              <>
                <SelectionCandidatures code={code} parametres={parametres} candidatures={liste.data.candidatures} />
                <div className="fr-select-group">
                  <label className="fr-label" htmlFor="tri-candidatures">Classer par</label>
                  <select id="tri-candidatures" className="fr-select" value={tri} onChange={(e) => setTri(e.target.value as TriCandidatures)}>
                    {TRIS.map((t) => <option key={t.valeur} value={t.valeur}>{t.libelle}</option>)}
                  </select>
                </div>
                <p><a className="fr-link fr-icon-download-line fr-link--icon-left" href={liensCsv.candidatures(code, parametres)} download>Exporter les candidatures et les avis (CSV)</a></p>
                {agit && <p><Link className="fr-link fr-icon-user-line fr-link--icon-left" to={`/departements/${code}/recrutement${suffixe}`}>Mettre en relation des recrues avec les postes</Link></p>}
                <FiltresCandidatures filtres={filtres} onChange={setFiltres} />
                {liste.data.candidatures.length === 0 ? <p>Aucune candidature pour ce département.</p> : (
                  <>
                    <p className="fr-text--sm" role="status">{pluriel(visibles.length, 'candidature affichée', 'candidatures affichées')} sur {liste.data.candidatures.length}.</p>
                    <div className="fr-grid-row fr-grid-row--gutters">
                      <div className={choisie ? 'fr-col-12 fr-col-lg-8' : 'fr-col-12'}>
                        <CarteCandidatures code={code} candidatures={visibles} classement={classement} selection={choisie} communes={communes.data?.communes}
                          contours={contours.data} cadrage={departement.data?.bbox ?? null} onSelect={setSelection} />
                      </div>
                      {choisie && (
                        <div className="fr-col-12 fr-col-lg-4">
                          <PanneauCandidature candidature={choisie} agit={agit} onFermer={() => setSelection(null)} onAvisDonne={rafraichir} />
                        </div>
                      )}
                    </div>
                    <TableauCandidatures candidatures={visibles} agit={agit} selection={selection} onSelect={setSelection} onAvisDonne={rafraichir} />
                  </>
                )}
              </>
            )}
          </Etat>
        </>
      )}
    </div>
  )
}
