import { useMemo } from 'react'
import type { Bbox, CandidatureEvaluee as Candidature, CollectionContours, CouvertureCommune } from '../../api/types.ts'
import { formatEntier } from '../../charts/format.ts'
import { Carte } from '../../map/Carte.tsx'
import { palette } from '../../map/palette.ts'
import { etatsCommunesCandidature, pointsCandidatures } from '../../presenters/carte-candidatures.ts'
import { expressionCouleur, type Classement } from '../../presenters/classes.ts'
import { classementCommunal } from '../../presenters/indicateurs.ts'
import { Legende } from '../../ui/Legende.tsx'

const COULEUR_COUVERTURE = expressionCouleur(classementCommunal('couverture', []), palette.sansDonnee)

type Props = {
  code: string
  candidatures: readonly Candidature[]
  classement: Classement
  selection: Candidature | undefined
  communes: readonly CouvertureCommune[] | undefined
  contours: CollectionContours | undefined
  cadrage: Bbox | null
  onSelect: (id: number) => void
}

/**
 * The candidatures over the département's coverage: a disc per candidature (size = postes, colour = gain), the communes
 * the selected one would cover outlined. The table beside it carries the same figures for assistive technologies.
 */
export function CarteCandidatures({ code, candidatures, classement, selection, communes, contours, cadrage, onSelect }: Props) {
  const points = useMemo(() => pointsCandidatures(candidatures, classement, selection?.id ?? null), [candidatures, classement, selection])
  const choroplethe = useMemo(() => (communes ? { etats: etatsCommunesCandidature(communes, selection), couleur: COULEUR_COUVERTURE, departement: code } : undefined),
    [communes, selection, code])
  const departement = useMemo(() => ({ etats: new Map<string, never>(), couleur: palette.horsSelection, selection: code }), [code])
  return (
    <div>
      <Carte libelle={`Carte des candidatures du département ${code} sur la couverture ; le tableau des candidatures donne les mêmes chiffres`}
        cadrage={cadrage} contoursDepartements={contours} departements={departement} communes={choroplethe} candidatures={points} onSelectCandidature={onSelect} />
      <Legende titre="Habitants que la candidature couvrirait" unite="disque d’autant plus grand que les postes demandés sont nombreux ; communes : couvertes en bleu, zones blanches hachurées, celles que la candidature choisie couvrirait cerclées de vert"
        classement={classement} format={formatEntier} />
    </div>
  )
}
