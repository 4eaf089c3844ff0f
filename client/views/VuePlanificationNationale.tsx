import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { optimisationNationale } from '../api/queries/planification.ts'
import { departements as requeteDepartements } from '../api/queries/territoires.ts'
import { formatDecimal, formatEntier, formatTaux } from '../charts/format.ts'
import { MAX_POSTES_NATIONAL } from '../../server/domain/planification.ts'
import { libelleOptimaliteLigne, libelleOptimaliteNationale } from '../presenters/optimisation.ts'
import { ecrirePlanification, SCENARIO_VIDE } from '../presenters/scenario.ts'
import { Controles } from '../ui/Controles.tsx'
import { Etat } from '../ui/Etat.tsx'
import '../ui/planification/planification.css'
import { useTitre } from '../ui/useTitre.ts'
import { usePlanification } from './planifier/usePlanification.ts'
import { TableauDsfr } from '../ui/TableauDsfr.tsx'

/** /planifier: pick a département to plan, or spread N postes across départements (national allocation). */
export function VuePlanificationNationale() {
  const id = useId()
  const naviguer = useNavigate()
  const [plan, modifier] = usePlanification()
  const suffixe = `?${ecrirePlanification({ ...plan, ...SCENARIO_VIDE }).toString()}`
  const departements = useQuery(requeteDepartements())
  const [choix, setChoix] = useState('')
  const [saisie, setSaisie] = useState(20)
  const [nombrePostes, setNombrePostes] = useState<number | null>(null)
  const repartition = useQuery({
    ...optimisationNationale({ nombrePostes: nombrePostes ?? 1, rayonKm: plan.rayonKm, offre: [...plan.offre], candidats: 'communes', poids: 'population', methode: 'carreaux' }),
    enabled: nombrePostes !== null,
  })
  useTitre('Planifier de nouveaux postes')
  const r = repartition.data

  return (
    <div className="fr-container fr-py-3w maillage-vue" data-vue="planification-nationale">
      <h1 className="fr-h3">Planifier de nouveaux postes</h1>
      <div className="maillage-colonnes">
        <div>
          <form className="fr-mb-3w" onSubmit={(e) => { e.preventDefault(); if (choix) naviguer(`/planifier/${choix}${suffixe}`) }}>
            <div className="fr-select-group">
              <label className="fr-label" htmlFor={`${id}-dep`}>Département à planifier</label>
              <select className="fr-select" id={`${id}-dep`} value={choix} onChange={(e) => setChoix(e.target.value)} required>
                <option value="" disabled>Choisir un département</option>
                {departements.data?.map((d) => <option key={d.code} value={d.code}>{d.code} — {d.nom}</option>)}
              </select>
            </div>
            <button type="submit" className="fr-btn">Ouvrir le planificateur</button>
          </form>
          <Controles vue={plan} onChange={(c) => modifier((p) => ({ ...p, ...c }))} />
        </div>
        <section aria-labelledby={`${id}-titre`}>
          <h2 className="fr-h5" id={`${id}-titre`}>Répartition nationale</h2>
          <p className="fr-text--sm">
            Chaque poste va au département où il couvre le plus d’habitants non couverts de plus (comptés là où ils vivent, carreaux
            de 1 km), compte tenu des postes déjà attribués (optimum de chaque département, COM exclues).
          </p>
          <form className="maillage-en-ligne" onSubmit={(e) => { e.preventDefault(); setNombrePostes(saisie) }}>
            <label className="fr-label" htmlFor={`${id}-n`}>Nombre de postes à répartir</label>
            <input className="fr-input" id={`${id}-n`} type="number" min={1} max={MAX_POSTES_NATIONAL} value={saisie}
              onChange={(e) => setSaisie(Math.min(MAX_POSTES_NATIONAL, Math.max(1, Number(e.target.value) || 1)))} />
            <button type="submit" className="fr-btn fr-btn--icon-left fr-icon-calculator-line" disabled={repartition.isFetching}>
              {repartition.isFetching ? 'Calcul en cours…' : 'Répartir'}
            </button>
          </form>
        </section>
      </div>
      <Etat chargement={false} erreur={repartition.error} />
      {r ? (
        <div aria-live="polite" className="fr-mt-3w">
          <p>
            <strong>{formatEntier(r.postesAttribues)} postes</strong> couvrent <strong>{formatEntier(r.gainTotal)} habitants</strong> de plus, dans{' '}
            {formatEntier(r.departements.length)} départements (rayon {r.rayonKm}&nbsp;km). {r.postesNonAttribues > 0 ? `${formatEntier(r.postesNonAttribues)} postes ne couvriraient plus personne et ne sont pas attribués. ` : ''}
            {libelleOptimaliteNationale(r.departements)} Calcul en {formatDecimal(r.dureeMs / 1000)}&nbsp;s.
          </p>
          <TableauDsfr className="fr-table--bordered maillage-tableau">
            <table data-liste="repartition-nationale">
              <caption>Départements classés par habitants nouvellement couverts</caption>
              <thead>
                <tr>
                  <th scope="col">Rang</th>
                  <th scope="col">Département</th>
                  <th scope="col" className="maillage-nombre">Postes</th>
                  <th scope="col" className="maillage-nombre">Habitants nouvellement couverts</th>
                  <th scope="col" className="maillage-nombre">Habitants non couverts</th>
                  <th scope="col" className="maillage-nombre">Part couverte</th>
                  <th scope="col">Optimalité</th>
                </tr>
              </thead>
              <tbody>
                {r.departements.map((d) => (
                  <tr key={d.code} data-code={d.code}>
                    <td>{d.rang}</td>
                    <th scope="row"><Link to={`/planifier/${d.code}${suffixe}`}>{d.nom} ({d.code})</Link></th>
                    <td className="maillage-nombre">{formatEntier(d.postes)}</td>
                    <td className="maillage-nombre">{formatEntier(d.gain)}</td>
                    <td className="maillage-nombre">{formatEntier(d.demande)}</td>
                    <td className="maillage-nombre">{formatTaux(d.demande === 0 ? null : d.gain / d.demande)}</td>
                    <td>{libelleOptimaliteLigne(d)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableauDsfr>
        </div>
      ) : null}
    </div>
  )
}
