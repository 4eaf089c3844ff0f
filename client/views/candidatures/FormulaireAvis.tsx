import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { api } from '../../api/client.ts'
import type { AvisCandidature, Candidature } from '../../api/types.ts'
import { LIBELLE_AVIS } from '../../presenters/candidatures.ts'

type Props = { candidature: Candidature; onDonne: () => void }

/** The préfet's avis on one candidature: it is added to its history, never replaces the previous one. */
export function FormulaireAvis({ candidature, onDonne }: Props) {
  const id = useId()
  const [avis, setAvis] = useState<AvisCandidature>(candidature.avis?.avis ?? 'favorable')
  const [commentaire, setCommentaire] = useState('')
  const donner = useMutation({
    mutationFn: () => api.donnerAvis(candidature.id, avis, commentaire),
    onSuccess: () => { setCommentaire(''); onDonne() },
  })
  return (
    <form className="maillage-avis" onSubmit={(e) => { e.preventDefault(); donner.mutate() }}>
      <label className="fr-label fr-sr-only" htmlFor={`${id}-avis`}>Avis sur « {candidature.nom} »</label>
      <select id={`${id}-avis`} className="fr-select" value={avis} onChange={(e) => setAvis(e.target.value as AvisCandidature)}>
        {(Object.keys(LIBELLE_AVIS) as AvisCandidature[]).map((a) => <option key={a} value={a}>{LIBELLE_AVIS[a]}</option>)}
      </select>
      <label className="fr-label fr-sr-only" htmlFor={`${id}-commentaire`}>Commentaire de l’avis sur « {candidature.nom} »</label>
      <input id={`${id}-commentaire`} className="fr-input" placeholder="Commentaire" maxLength={2000} value={commentaire} onChange={(e) => setCommentaire(e.target.value)} />
      <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary" disabled={donner.isPending}>
        Donner l’avis<span className="fr-sr-only"> sur « {candidature.nom} »</span>
      </button>
      {donner.error && <p className="fr-error-text" role="alert">{donner.error.message}</p>}
    </form>
  )
}
