import type { ReactNode } from 'react'

/** Loading and error states for a query, announced to screen readers. */
export function Etat({ chargement, erreur, children }: { chargement: boolean; erreur: Error | null; children?: ReactNode }) {
  if (erreur)
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm" role="alert">
        <p>{erreur.message}</p>
      </div>
    )
  if (chargement)
    return (
      <p className="maillage-chargement" role="status">
        Chargement…
      </p>
    )
  return <>{children}</>
}
