import { useEffect, useRef } from 'react'
import type { CandidatureEvaluee as Candidature } from '../../api/types.ts'
import { formatDecimal, formatEntier, formatEuros, pluriel } from '../../charts/format.ts'
import { LIBELLE_AVIS, LIBELLE_TYPE, libelleAvis } from '../../presenters/candidatures.ts'
import { FormulaireAvis } from './FormulaireAvis.tsx'

type Props = { candidature: Candidature; agit: boolean; onFermer: () => void; onAvisDonne: () => void }

/** What one candidature would bring, what it costs, the communes it would cover, its avis and the form to give one. */
export function PanneauCandidature({ candidature: c, agit, onFermer, onAvisDonne }: Props) {
  const titre = useRef<HTMLHeadingElement>(null)
  // A candidature chosen from the table or the map: the keyboard lands on its panel.
  useEffect(() => titre.current?.focus(), [c.id])
  return (
    <aside className="fr-p-2w maillage-panneau-candidature" aria-labelledby="titre-panneau-candidature">
      <h2 id="titre-panneau-candidature" className="fr-h5" tabIndex={-1} ref={titre}>{c.nom}</h2>
      <p className="fr-text--sm">{LIBELLE_TYPE[c.type]} · SIRET {c.siret}<br />{c.adresse} ({c.codeInsee})</p>
      <dl className="maillage-panneau-candidature__chiffres">
        <dt>Postes demandés</dt><dd>{c.postes}</dd>
        <dt>Financement de l’État</dt><dd>{formatEuros(c.coutEtatEuros)}</dd>
        <dt>Habitants des zones blanches couverts</dt><dd>{formatEntier(c.gain)}</dd>
        <dt>Population pondérée par l’IFN</dt><dd>{formatDecimal(c.populationPonderee)}</dd>
        <dt>Coût par habitant couvert</dt><dd>{c.coutParHabitantEuros === null ? '—' : formatEuros(c.coutParHabitantEuros)}</dd>
      </dl>
      <h3 className="fr-h6">{c.communesCouvertes.length === 0 ? 'Aucune commune nouvellement couverte' : `${pluriel(c.communesCouvertes.length, 'commune couverte', 'communes couvertes')}`}</h3>
      {c.communesCouvertes.length > 0 && (
        <ul className="fr-text--sm">{c.communesCouvertes.map((x) => <li key={x.code}>{x.nom} ({x.code}) — {pluriel(x.population, 'habitant')}</li>)}</ul>
      )}
      <h3 className="fr-h6">Avis</h3>
      <p className="fr-text--sm">{libelleAvis(c)}</p>
      {c.avisHistorique.length > 1 && (
        <details className="fr-text--sm">
          <summary>Avis précédents</summary>
          <ul>{c.avisHistorique.slice(0, -1).reverse().map((a, k) => <li key={k}>{LIBELLE_AVIS[a.avis]}{a.commentaire ? ` — ${a.commentaire}` : ''} ({a.auteur}, {new Date(a.donneLe).toLocaleDateString('fr-FR')})</li>)}</ul>
        </details>
      )}
      {agit && <FormulaireAvis key={c.id} candidature={c} onDonne={onAvisDonne} />}
      <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-mt-2w" onClick={onFermer}>Fermer le détail</button>
    </aside>
  )
}
