import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { CouvertureNationale } from '../api/types.ts'
import { formatEntier } from '../charts/format.ts'
import { INDICATEUR_NATIONAL } from '../presenters/indicateurs.ts'
import { totalLieux } from '../presenters/national.ts'
import { INDICATEURS_NATIONAUX, type IndicateurNational } from '../presenters/parametres.ts'
import { ariaSort, basculerTri, trier, type Tri } from '../presenters/tri.ts'
import { TableauDsfr } from './TableauDsfr.tsx'

type Ligne = CouvertureNationale['departements'][number]
type Colonne = 'code' | 'nom' | 'population' | 'lieux' | IndicateurNational | 'zonesBlanchesCentres'

const valeurDe = (centres: ReadonlyMap<string, number> | undefined) => (l: Ligne, c: Colonne): number | string | null =>
  c === 'code' || c === 'nom' ? l[c] : c === 'population' ? l.population : c === 'lieux' ? totalLieux(l)
    : c === 'zonesBlanchesCentres' ? centres?.get(l.code) ?? null : INDICATEUR_NATIONAL[c].valeur(l)

function EnTete({ colonne, libelle, tri, onTri }: { colonne: Colonne; libelle: string; tri: Tri<Colonne>; onTri: (c: Colonne) => void }) {
  return (
    <th scope="col" aria-sort={ariaSort(tri, colonne)}>
      <button type="button" className="maillage-tri" onClick={() => onTri(colonne)}>
        {libelle}
        <span aria-hidden="true">{tri.colonne === colonne ? (tri.sens === 'croissant' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  )
}

type Props = {
  departements: readonly Ligne[]
  indicateur: IndicateurNational
  suffixe: string
  /** Uncovered inhabitants of each département counted at commune centres, beside the figures counted on cells. */
  zonesBlanchesCentres?: ReadonlyMap<string, number> | undefined
}

/** The map's equivalent table: every département with the same figures, sortable by any column. */
export function TableauDepartements({ departements, indicateur, suffixe, zonesBlanchesCentres }: Props) {
  const [tri, setTri] = useState<Tri<Colonne>>({ colonne: indicateur, sens: 'decroissant' })
  const onTri = (c: Colonne) => setTri((t) => basculerTri(t, c, c === 'code' || c === 'nom' ? 'croissant' : 'decroissant'))
  const lignes = trier(departements, tri, valeurDe(zonesBlanchesCentres))
  return (
    <TableauDsfr className="fr-table--bordered maillage-tableau" id="classement">
      <table>
        <caption>Classement des départements ({departements.length}) — cliquez un en-tête pour trier</caption>
        <thead>
          <tr>
            <EnTete colonne="code" libelle="Code" tri={tri} onTri={onTri} />
            <EnTete colonne="nom" libelle="Département" tri={tri} onTri={onTri} />
            <EnTete colonne="population" libelle="Population" tri={tri} onTri={onTri} />
            <EnTete colonne="lieux" libelle="Lieux" tri={tri} onTri={onTri} />
            {INDICATEURS_NATIONAUX.map((i) => (
              <EnTete key={i} colonne={i} libelle={i === 'populationZonesBlanches' ? `${INDICATEUR_NATIONAL[i].libelle} (carreaux de 1 km)` : INDICATEUR_NATIONAL[i].libelle} tri={tri} onTri={onTri} />
            ))}
            {zonesBlanchesCentres ? <EnTete colonne="zonesBlanchesCentres" libelle="Population en zones blanches (points centraux)" tri={tri} onTri={onTri} /> : null}
          </tr>
        </thead>
        <tbody>
          {lignes.map((d) => (
            <tr key={d.code} data-code={d.code}>
              <td>{d.code}</td>
              <th scope="row">
                <Link to={`/departements/${d.code}${suffixe}`}>{d.nom}</Link>
                {d.com ? <span className="fr-badge fr-badge--sm fr-ml-1w">COM</span> : null}
              </th>
              <td className="maillage-nombre">{formatEntier(d.population)}</td>
              <td className="maillage-nombre">{formatEntier(totalLieux(d))}</td>
              {INDICATEURS_NATIONAUX.map((i) => (
                <td key={i} className="maillage-nombre">
                  {INDICATEUR_NATIONAL[i].format(INDICATEUR_NATIONAL[i].valeur(d))}
                </td>
              ))}
              {zonesBlanchesCentres ? <td className="maillage-nombre" data-colonne="zonesBlanchesCentres">{formatEntier(zonesBlanchesCentres.get(d.code))}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableauDsfr>
  )
}
