// The national map once the user zooms in: maplibre, loaded on demand, with the same colours as the canvas
// first view plus what a canvas cannot give cheaply: zoom and pan down to the communes, and their names.
import { useMemo } from 'react'
import type { Bbox, CollectionContours } from '../api/types.ts'
import { Carte } from './Carte.tsx'
import { couleurParCode } from './layers/departements.ts'

type Props = {
  libelle: string
  cadrage: Bbox
  departements: CollectionContours | undefined
  regions: CollectionContours | undefined
  couleurs: ReadonlyMap<string, string> | undefined
  onSelect: (code: string) => void
}

const AUCUN_ETAT = new Map<string, never>()

export function CarteNationaleDetaillee({ libelle, cadrage, departements, regions, couleurs, onSelect }: Props) {
  const choroplethe = useMemo(() => ({ etats: AUCUN_ETAT, couleur: couleurParCode(couleurs ?? new Map()) }), [couleurs])
  return (
    <Carte
      libelle={libelle}
      cadrage={cadrage}
      contoursDepartements={departements}
      contoursRegions={regions}
      departements={choroplethe}
      onSelectDepartement={onSelect}
    />
  )
}
