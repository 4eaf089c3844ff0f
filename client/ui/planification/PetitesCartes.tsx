import { useId, useMemo, type ReactNode } from 'react'
import type { AjoutPoste, CollectionCommunes, CommuneChangee, CouvertureCommune, StatutCommune } from '../../api/types.ts'
import { palette } from '../../map/palette.ts'
import { cadrer, descriptionScenario, resumeZonesBlanches, statutsAvantApres, styleCommune, type Cadre } from '../../presenters/petites-cartes.ts'

// Two small SVG maps (d3 projects, React draws): no second WebGL map, and each is an image with a
// text alternative. Same colours as the main map, whose legend applies.
const LARGEUR_MAX = 200
const HAUTEUR_MAX = 230
const MARGE = 4

type Props = {
  geometrie: CollectionCommunes
  communes: readonly CouvertureCommune[]
  communesChangees: readonly CommuneChangee[] | undefined
  ajouts: readonly AjoutPoste[]
  retraits: readonly [number, number][]
  enCalcul: boolean
}

type Chemin = { code: string; nom: string; d: string }

export function PetitesCartes({ geometrie, communes, communesChangees, ajouts, retraits, enCalcul }: Props) {
  const cadre = useMemo(() => cadrer(geometrie, LARGEUR_MAX, HAUTEUR_MAX, MARGE), [geometrie])
  const chemins = useMemo(() => geometrie.features.map((f) => ({ code: f.properties.code, nom: f.properties.nom, d: cadre.chemin(f) })), [geometrie, cadre])
  const statuts = useMemo(() => statutsAvantApres(communes, communesChangees), [communes, communesChangees])
  const resumeAvant = resumeZonesBlanches(communes, statuts.avant)
  const resumeApres = resumeZonesBlanches(communes, statuts.apres)
  return (
    <div className="maillage-petites-cartes">
      <PetiteCarte cle="aujourdhui" titre="Aujourd’hui" resume={resumeAvant} description="" cadre={cadre} chemins={chemins} statuts={statuts.avant} changees={statuts.changees} enCalcul={false} />
      <PetiteCarte
        cle="scenario"
        titre="Scénario"
        resume={resumeApres}
        description={descriptionScenario(ajouts.length, retraits.length, statuts.changees.size)}
        cadre={cadre}
        chemins={chemins}
        statuts={statuts.apres}
        changees={statuts.changees}
        enCalcul={enCalcul}
      >
        {retraits.map((p, k) => {
          const [x, y] = cadre.point(p)
          return (
            <g key={`r${k}`} data-point="retrait" stroke={palette.contourLieuRetire} strokeWidth={1.2}>
              <circle cx={x} cy={y} r={3.5} fill={palette.lieuRetire} />
              <path d={`M${x - 3.5},${y - 3.5}L${x + 3.5},${y + 3.5}M${x - 3.5},${y + 3.5}L${x + 3.5},${y - 3.5}`} />
            </g>
          )
        })}
        {ajouts.map((a, k) => {
          const [x, y] = cadre.point([a.lon, a.lat])
          return <circle key={`a${k}`} data-point="ajout" cx={x} cy={y} r={3.2} fill={palette.ajout} stroke={palette.contourAjout} strokeWidth={1.5} />
        })}
      </PetiteCarte>
    </div>
  )
}

type PropsCarte = {
  cle: string
  titre: string
  resume: string
  description: string
  cadre: Cadre
  chemins: readonly Chemin[]
  statuts: ReadonlyMap<string, StatutCommune>
  changees: ReadonlySet<string>
  enCalcul: boolean
  children?: ReactNode
}

function PetiteCarte({ cle, titre, resume, description, cadre, chemins, statuts, changees, enCalcul, children }: PropsCarte) {
  // useId gives characters that url(#…) does not accept unescaped.
  const id = `petite-carte-${useId().replace(/[^\w-]/g, '')}`
  // Changed communes last, so their outline is drawn over their neighbours'.
  const ordonnes = [...chemins.filter((c) => !changees.has(c.code)), ...chemins.filter((c) => changees.has(c.code))]
  const alternative = `${titre}. ${resume}.${description ? ` ${description}` : ''}`
  return (
    <figure className="maillage-petite-carte" data-carte={cle} aria-busy={enCalcul}>
      <svg viewBox={`0 0 ${cadre.largeur} ${cadre.hauteur}`} role="img" aria-label={alternative}>
        <defs>
          <pattern id={`${id}-hachures`} width={3} height={3} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={3} height={3} fill={palette.zoneBlanche} />
            <line x1={0} y1={0} x2={0} y2={3} stroke={palette.contourZoneBlanche} strokeWidth={1.4} />
          </pattern>
        </defs>
        <rect width={cadre.largeur} height={cadre.hauteur} fill={palette.fond} />
        {ordonnes.map((c) => {
          const statut = statuts.get(c.code)
          const style = styleCommune(statut, changees.has(c.code))
          return (
            <path
              key={c.code}
              d={c.d}
              data-code={c.code}
              data-statut={statut ?? 'sans-donnee'}
              data-changee={changees.has(c.code) || undefined}
              fill={style.hachures ? `url(#${id}-hachures)` : style.fill}
              stroke={style.stroke}
              strokeWidth={style.strokeWidth}
              strokeLinejoin="round"
            />
          )
        })}
        {children}
      </svg>
      <figcaption>
        <strong>{titre}</strong>
        <span className="maillage-bloc">{resume}</span>
      </figcaption>
    </figure>
  )
}
