import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useParams } from 'react-router-dom'
import { communesDepartement, couvertureDepartement } from '../../api/queries/couverture.ts'
import { contoursDepartements, departement as requeteDepartement } from '../../api/queries/territoires.ts'
import { Carte } from '../../map/Carte.tsx'
import { palette } from '../../map/palette.ts'
import { presenterCommunes } from '../../presenters/departement.ts'
import { ChiffresCles } from '../../ui/ChiffresCles.tsx'
import { Etat } from '../../ui/Etat.tsx'
import { Legende } from '../../ui/Legende.tsx'
import { useTitre } from '../../ui/useTitre.ts'
import { useVue } from '../useVue.ts'

/** One département's coverage, for an iframe: its map of communes, legend and key figures, nothing else. */
export function VueIntegreeDepartement() {
  const { code = '' } = useParams()
  const [vue] = useVue()
  const departement = useQuery(requeteDepartement(code))
  const couverture = useQuery(couvertureDepartement(code, vue))
  const communes = useQuery(communesDepartement(code, vue))
  const contours = useQuery(contoursDepartements())
  useTitre(departement.data ? `${departement.data.nom} (${code}) — carte intégrée` : `Département ${code}`)
  const presente = useMemo(() => (communes.data ? presenterCommunes(communes.data.communes, vue.indicateurCommunal) : null), [communes.data, vue.indicateurCommunal])
  const choroplethe = useMemo(() => (presente ? { etats: presente.etats, couleur: presente.couleur, departement: code } : undefined), [presente, code])
  const selection = useMemo(() => ({ etats: new Map<string, never>(), couleur: palette.horsSelection, selection: code }), [code])

  return (
    <div className="fr-px-2w fr-pt-1w" data-vue="integree-departement" data-code={code}>
      <Etat chargement={departement.isPending} erreur={departement.error}>
        <h1 className="fr-h5 fr-mb-1w">
          Médiation numérique : {departement.data?.nom} ({code})
        </h1>
      </Etat>
      <Etat chargement={false} erreur={communes.error ?? contours.error} />
      <Carte
        libelle={`Carte des communes du département ${departement.data?.nom ?? code}`}
        cadrage={departement.data?.bbox ?? null}
        contoursDepartements={contours.data}
        departements={selection}
        communes={choroplethe}
      />
      {presente ? <Legende titre={presente.def.libelle} unite={presente.def.unite} classement={presente.classement} format={presente.def.format} libelles={presente.libelles} zonesBlanches /> : null}
      <Etat chargement={couverture.isPending} erreur={couverture.error}>
        {couverture.data ? <ChiffresCles chiffres={couverture.data} rayonKm={couverture.data.rayonKm} titre={`Chiffres du département (${couverture.data.rayonKm} km)`} /> : null}
      </Etat>
    </div>
  )
}
