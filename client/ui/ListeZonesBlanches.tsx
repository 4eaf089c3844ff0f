import { Link } from 'react-router-dom'
import type { ZonesBlanches } from '../api/types.ts'
import { formatDecimal, formatEntier, formatKm, formatTaux } from '../charts/format.ts'
import { LIBELLES_STATUT, statutCommune } from '../presenters/indicateurs.ts'
import { TRIS_ZONES_BLANCHES, type TriZonesBlanches } from '../presenters/parametres.ts'
import { LIBELLES_TRI, noteTroncature, titreZonesBlanches } from '../presenters/zones-blanches.ts'
import { TableauDsfr } from './TableauDsfr.tsx'

type Props = { zones: ZonesBlanches; tri: TriZonesBlanches; onTri: (tri: TriZonesBlanches) => void; suffixe: string }

/** The communes with uncovered inhabitants (blanches and partielles), sorted by the server, as a table. */
export function ListeZonesBlanches({ zones, tri, onTri, suffixe }: Props) {
  return (
    <section className="maillage-zones-blanches" aria-labelledby="titre-zones-blanches">
      <h2 className="fr-h5" id="titre-zones-blanches">
        {titreZonesBlanches(zones)}
      </h2>
      <fieldset className="fr-segmented fr-segmented--sm fr-mb-2w">
        <legend className="fr-segmented__legend">Trier par</legend>
        <div className="fr-segmented__elements">
          {TRIS_ZONES_BLANCHES.map((t) => (
            <div key={t} className="fr-segmented__element">
              <input type="radio" id={`tri-${t}`} name="tri-zones-blanches" value={t} checked={tri === t} onChange={() => onTri(t)} />
              <label className="fr-label" htmlFor={`tri-${t}`}>
                {LIBELLES_TRI[t]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {zones.communes.length === 0 ? (
        <p>Aucun habitant n’est à plus de {zones.rayonKm}&nbsp;km d’un lieu de l’offre choisie.</p>
      ) : (
        <TableauDsfr className="fr-table--sm fr-table--no-caption maillage-tableau">
          <table data-liste="zones-blanches">
            <caption>Communes dont des habitants ne sont pas couverts, triées par {LIBELLES_TRI[tri].replace(/^./, (l) => l.toLowerCase())} décroissant</caption>
            <thead>
              <tr>
                <th scope="col">Commune</th>
                <th scope="col">Population</th>
                <th scope="col">Statut</th>
                <th scope="col">Habitants non couverts</th>
                <th scope="col">Part couverte</th>
                <th scope="col">Distance du point central au lieu le plus proche</th>
                <th scope="col">IFN</th>
              </tr>
            </thead>
            <tbody>
              {zones.communes.map((c) => (
                <tr key={c.code} data-code={c.code}>
                  <th scope="row">
                    <Link to={`/communes/${c.code}${suffixe}`}>{c.nom}</Link>
                  </th>
                  <td className="maillage-nombre">{formatEntier(c.population)}</td>
                  <td data-statut={statutCommune(c)}>{LIBELLES_STATUT[statutCommune(c)]}</td>
                  <td className="maillage-nombre">{formatEntier(c.populationNonCouverte ?? c.population)}</td>
                  <td className="maillage-nombre">{formatTaux(c.partCouverte ?? 0)}</td>
                  <td className="maillage-nombre">{formatKm(c.distanceKm)}</td>
                  <td className="maillage-nombre">{formatDecimal(c.ifn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableauDsfr>
      )}
      {zones.truncated ? <p className="fr-text--xs" data-total={zones.total}>{noteTroncature(zones)}</p> : null}
    </section>
  )
}
