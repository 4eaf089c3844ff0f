import type { RejetCandidature } from '../../api/types.ts'

/** The rows of a file that the server refused, each with its line, column and reason: never dropped in silence. */
export function LignesRefusees({ rejetees }: { rejetees: readonly RejetCandidature[] }) {
  if (rejetees.length === 0) return null
  return (
    <div className="fr-table fr-table--sm">
      <table>
        <caption>Lignes refusées</caption>
        <thead><tr><th scope="col">Ligne</th><th scope="col">Colonne</th><th scope="col">Motif</th></tr></thead>
        <tbody>
          {rejetees.map((r, k) => <tr key={k}><td>{r.ligne}</td><td>{r.champ}</td><td>{r.motif}</td></tr>)}
        </tbody>
      </table>
    </div>
  )
}
