import { useMutation } from '@tanstack/react-query'
import { useMemo } from 'react'
import { api } from '../../api/client.ts'
import type { Bbox, Candidature, CollectionContours, DemandeMiseEnRelation, MiseEnRelation } from '../../api/types.ts'
import { formatKm } from '../../charts/format.ts'
import { Carte } from '../../map/Carte.tsx'
import { palette } from '../../map/palette.ts'
import { cadrageMiseEnRelation, carteMiseEnRelation, resumeMiseEnRelation } from '../../presenters/recrutement.ts'

type Props = {
  code: string
  resultat: MiseEnRelation
  demande: DemandeMiseEnRelation
  candidatures: readonly Candidature[]
  contours: CollectionContours | undefined
  bboxDepartement: Bbox | null
}

/** Saves a blob under a name, as a link the browser downloads. */
function telecharger(blob: Blob, nom: string) {
  const url = URL.createObjectURL(blob)
  const lien = document.createElement('a')
  lien.href = url
  lien.download = nom
  document.body.append(lien)
  lien.click()
  lien.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A matching: what it achieved, the map of lines recruit → structure, the pairs, those left without a poste, the export. */
export function ResultatMiseEnRelation({ code, resultat, demande, candidatures, contours, bboxDepartement }: Props) {
  const reseau = useMemo(() => carteMiseEnRelation(resultat, candidatures), [resultat, candidatures])
  const cadrage = useMemo(() => cadrageMiseEnRelation(reseau) ?? bboxDepartement, [reseau, bboxDepartement])
  const selection = useMemo(() => ({ etats: new Map<string, never>(), couleur: palette.horsSelection, selection: code }), [code])
  const exporter = useMutation({ mutationFn: () => api.exportMiseEnRelation(code, demande), onSuccess: (blob) => telecharger(blob, `mise-en-relation-${code}.csv`) })
  return (
    <section aria-labelledby="titre-resultat-recrutement" className="fr-mt-4w">
      <h2 id="titre-resultat-recrutement" className="fr-h4">Résultat de la mise en relation</h2>
      <p className="fr-alert fr-alert--success fr-alert--sm" role="status">{resumeMiseEnRelation(resultat)}</p>
      <p className="fr-text--sm">
        D’abord le plus de recrues placées, chacune dans la distance qu’elle accepte, puis le moins de kilomètres au total.
        Rien n’est conservé sur le serveur : l’export refait le calcul depuis votre fichier.
      </p>
      <button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" onClick={() => exporter.mutate()} disabled={exporter.isPending}>
        Exporter la mise en relation (CSV)
      </button>
      {exporter.error && <p className="fr-error-text" role="alert">{exporter.error.message}</p>}
      <div className="fr-mt-2w">
        <Carte libelle={`Carte de la mise en relation : recrues reliées à leur structure, département ${code}`} cadrage={cadrage}
          contoursDepartements={contours} departements={selection} recrutement={reseau} />
      </div>
      <div className="fr-table fr-table--sm fr-mt-2w">
        <table>
          <caption>Recrues placées</caption>
          <thead><tr><th scope="col">Recrue</th><th scope="col">Structure</th><th scope="col">Distance</th></tr></thead>
          <tbody>
            {resultat.affectations.map((a) => <tr key={a.candidat}><th scope="row">{a.candidat}</th><td>{a.nom}</td><td>{formatKm(a.distanceKm)}</td></tr>)}
          </tbody>
        </table>
      </div>
      {resultat.candidatsSansPoste.length > 0 && (
        <div className="fr-table fr-table--sm">
          <table>
            <caption>Recrues sans poste</caption>
            <thead><tr><th scope="col">Recrue</th><th scope="col">Pourquoi</th></tr></thead>
            <tbody>{resultat.candidatsSansPoste.map((s) => <tr key={s.candidat}><th scope="row">{s.candidat}</th><td>{s.motif}</td></tr>)}</tbody>
          </table>
        </div>
      )}
      {resultat.postesNonPourvus.length > 0 && (
        <div className="fr-table fr-table--sm">
          <table>
            <caption>Postes restés vacants</caption>
            <thead><tr><th scope="col">Structure</th><th scope="col">Postes vacants</th></tr></thead>
            <tbody>
              {resultat.postesNonPourvus.map((v) => (
                <tr key={v.candidature}><th scope="row">{candidatures.find((c) => c.id === v.candidature)?.nom ?? v.candidature}</th><td>{v.places}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
