import type { Classement } from '../presenters/classes.ts'
import { libelleClasse } from '../presenters/indicateurs.ts'
import { palette } from '../map/palette.ts'

const hachures = {
  background: `repeating-linear-gradient(45deg, ${palette.contourZoneBlanche} 0 1.5px, ${palette.zoneBlanche} 1.5px 5px)`,
  borderColor: palette.contourZoneBlanche,
}

type Props = {
  titre: string
  unite: string
  classement: Classement
  format: (n: number | null) => string
  libelles?: readonly string[] | undefined
  zonesBlanches?: boolean
}

export function Legende({ titre, unite, classement, format, libelles, zonesBlanches = false }: Props) {
  return (
    <figure className="maillage-legende" aria-label={`Légende : ${titre}`}>
      <figcaption>
        <strong>{titre}</strong>
        <br />
        <span className="fr-text--xs">{unite}</span>
      </figcaption>
      <ul>
        {classement.classes.map((c, i) => (
          <li key={i}>
            <span className="maillage-legende__pastille" style={{ background: c.couleur }} aria-hidden="true" />
            {libelles?.[i] ?? libelleClasse(c.min, c.max, format)}
          </li>
        ))}
        <li>
          <span className="maillage-legende__pastille" style={{ background: palette.sansDonnee }} aria-hidden="true" />
          Donnée non disponible
        </li>
        {zonesBlanches ? (
          <li>
            <span className="maillage-legende__pastille" style={hachures} aria-hidden="true" />
            Zone blanche (aucun lieu dans le rayon)
          </li>
        ) : null}
      </ul>
    </figure>
  )
}
