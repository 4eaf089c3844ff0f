import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Link, useLocation, useParams } from 'react-router-dom'
import { api, ErreurImport, urlConnexion } from '../api/client.ts'
import { candidatures as requeteCandidatures, moi } from '../api/queries/comptes.ts'
import { contoursDepartements, departement as requeteDepartement } from '../api/queries/territoires.ts'
import type { DemandeMiseEnRelation } from '../api/types.ts'
import { agitSurCandidatures, messageImportRefuse } from '../presenters/candidatures.ts'
import { candidaturesFavorables } from '../presenters/recrutement.ts'
import { Etat } from '../ui/Etat.tsx'
import { useTitre } from '../ui/useTitre.ts'
import { LignesRefusees } from './candidatures/LignesRefusees.tsx'
import { ChoixPostes } from './recrutement/ChoixPostes.tsx'
import { ResultatMiseEnRelation } from './recrutement/ResultatMiseEnRelation.tsx'
import { useVue } from './useVue.ts'

const CASE_PARTIEL = 'Mettre en relation les recrues valables même si d’autres lignes sont refusées'

/**
 * /departements/:code/recrutement: the préfet matches the recruits of a file (CSV as the spreadsheet saved it) to the
 * postes of the chosen candidatures, sees the lines recruit → structure on a map and in a table, and exports them.
 * Nothing about the recruits is stored. A préfet of the département or an admin (the server decides).
 */
export function VueRecrutement() {
  const { code = '' } = useParams()
  const { pathname, search } = useLocation()
  const [vue, , suffixe] = useVue()
  const qui = useQuery(moi())
  const departement = useQuery(requeteDepartement(code))
  const contours = useQuery(contoursDepartements())
  const agent = qui.data?.agent ?? null
  const agit = agitSurCandidatures(agent, code)
  const liste = useQuery({ ...requeteCandidatures(code, { rayonKm: vue.rayonKm, offre: vue.offre, tri: 'nom' }), enabled: agit, retry: false })
  const [choisies, setChoisies] = useState<ReadonlySet<number> | null>(null)
  const [fichier, setFichier] = useState<File | null>(null)
  const [partiel, setPartiel] = useState(false)
  const [datePriseDePoste, setDatePriseDePoste] = useState('')
  const mettreEnRelation = useMutation({ mutationFn: (d: DemandeMiseEnRelation) => api.miseEnRelation(code, d) })
  const nom = departement.data ? `${departement.data.nom} (${code})` : code
  useTitre(`Recrutement — ${nom}`)
  // The favourable candidatures are ticked when the list first arrives; the préfet changes it from there.
  useEffect(() => {
    if (liste.data && choisies === null) setChoisies(new Set(candidaturesFavorables(liste.data.candidatures)))
  }, [liste.data, choisies])

  const e = mettreEnRelation.error
  const demande = mettreEnRelation.variables
  const messageErreur = e instanceof ErreurImport
    ? messageImportRefuse(e.status, e.message, e.rejetees, demande?.partiel ?? false, { consequence: 'personne n’est mis en relation', caseACocher: CASE_PARTIEL })
    : e?.message
  const envoyer = () => {
    if (fichier && choisies && choisies.size > 0) mettreEnRelation.mutate({ fichier, candidatures: [...choisies].sort((a, b) => a - b), partiel, datePriseDePoste: datePriseDePoste || null })
  }

  return (
    <div className="fr-container fr-my-4w maillage-vue" data-vue="recrutement" data-code={code}>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol className="fr-breadcrumb__list">
          <li><Link className="fr-breadcrumb__link" to={`/${suffixe}`}>France</Link></li>
          <li><Link className="fr-breadcrumb__link" to={`/departements/${code}${suffixe}`}>{nom}</Link></li>
          <li><Link className="fr-breadcrumb__link" to={`/departements/${code}/candidatures${suffixe}`}>Candidatures</Link></li>
          <li><a className="fr-breadcrumb__link" aria-current="page">Recrutement</a></li>
        </ol>
      </nav>
      <h1>Mise en relation des recrues — {nom}</h1>
      <p className="fr-text--sm">
        Chaque recrue va vers au plus une structure, chaque structure reçoit au plus ses postes : d’abord le plus de recrues placées, chacune
        dans la distance qu’elle accepte, puis le moins de kilomètres au total. Le fichier n’est pas conservé.
      </p>
      {qui.data && !qui.data.identite && (
        <p>{qui.data.connexionPossible ? <a href={urlConnexion(`${pathname}${search}`)}>Connectez-vous</a> : 'La connexion des agents n’est pas configurée'} : le recrutement est réservé aux agents.</p>
      )}
      {qui.data?.identite && !agit && <p>Seuls un préfet du département {code} et les administrateurs mettent des recrues en relation.</p>}
      {agit && (
        <Etat chargement={liste.isPending} erreur={liste.error}>
          {liste.data && liste.data.candidatures.length === 0 && (
            <p>Aucune candidature dans ce département : <Link to={`/departements/${code}/candidatures${suffixe}`}>importez d’abord les candidatures</Link>.</p>
          )}
          {liste.data && liste.data.candidatures.length > 0 && choisies !== null && (
            <form onSubmit={(ev) => { ev.preventDefault(); envoyer() }}>
              <ChoixPostes candidatures={liste.data.candidatures} choisies={choisies} onChange={setChoisies} />
              <div className="fr-upload-group">
                <label className="fr-label" htmlFor="fichier-recrues">
                  Fichier des recrues
                  <span className="fr-hint-text">
                    CSV (séparateur ; ou ,) tel que le tableur l’enregistre. Colonnes : identifiant (aucun nom n’est demandé), code INSEE de la commune
                    de résidence (ou code postal et commune, ou longitude et latitude) ; distance maximale en km (30 par défaut) et date de disponibilité facultatives.
                  </span>
                </label>
                <input id="fichier-recrues" className="fr-upload" type="file" accept=".csv,.txt,text/csv" onChange={(ev) => setFichier(ev.target.files?.[0] ?? null)} />
              </div>
              <div className="fr-input-group fr-mt-2w">
                <label className="fr-label" htmlFor="date-prise-de-poste">
                  Date de prise de poste (facultative)
                  <span className="fr-hint-text">Une recrue disponible seulement après cette date n’est pas placée ; sans date, la disponibilité n’est pas prise en compte.</span>
                </label>
                <input id="date-prise-de-poste" className="fr-input" type="date" value={datePriseDePoste} onChange={(ev) => setDatePriseDePoste(ev.target.value)} />
              </div>
              <div className="fr-checkbox-group fr-mt-1w">
                <input id="recrues-partiel" type="checkbox" checked={partiel} onChange={(ev) => setPartiel(ev.target.checked)} />
                <label className="fr-label" htmlFor="recrues-partiel">{CASE_PARTIEL}</label>
              </div>
              <button type="submit" className="fr-btn fr-mt-2w" disabled={fichier === null || choisies.size === 0 || mettreEnRelation.isPending}>
                Mettre en relation
              </button>
              {choisies.size === 0 && <p className="fr-hint-text">Cochez au moins une candidature.</p>}
            </form>
          )}
          {e && <p className="fr-error-text" role="alert">{messageErreur}</p>}
          {e instanceof ErreurImport && <LignesRefusees rejetees={e.rejetees} />}
          {mettreEnRelation.data && demande && liste.data && (
            <>
              <LignesRefusees rejetees={mettreEnRelation.data.rejetees} />
              <ResultatMiseEnRelation code={code} resultat={mettreEnRelation.data} demande={demande} candidatures={liste.data.candidatures}
                contours={contours.data} bboxDepartement={departement.data?.bbox ?? null} />
            </>
          )}
        </Etat>
      )}
    </div>
  )
}
