// rayonKm slider, offre checkboxes and indicator select. The slider commits on the native `change`
// event (release, or each arrow key) so dragging does not send one request per pixel.
import { useEffect, useId, useRef, useState } from 'react'
import { CATEGORIES, LIBELLES_CATEGORIES } from '../../server/domain/offre.ts'
import type { Categorie, Parametres } from '../api/types.ts'
import { basculerCategorie, RAYON_MAX_KM, RAYON_MIN_KM } from '../presenters/parametres.ts'

export type Option<T extends string> = { valeur: T; libelle: string }

type Props<T extends string> = {
  vue: Parametres
  onChange: (changement: Partial<Parametres>) => void
  /** The planner has no indicator choice: without these three the select is left out. */
  indicateur?: T
  indicateurs?: readonly Option<T>[]
  onIndicateur?: (valeur: T) => void
}

function Rayon({ rayonKm, onRayon }: { rayonKm: number; onRayon: (n: number) => void }) {
  const id = useId()
  const champ = useRef<HTMLInputElement>(null)
  const [valeur, setValeur] = useState(rayonKm)
  useEffect(() => setValeur(rayonKm), [rayonKm])
  const rappel = useRef(onRayon)
  rappel.current = onRayon
  useEffect(() => {
    const el = champ.current!
    const valider = () => rappel.current(Number(el.value))
    el.addEventListener('change', valider)
    return () => el.removeEventListener('change', valider)
  }, [])
  return (
    <div className="fr-range-group maillage-rayon">
      <label className="fr-label" htmlFor={id}>
        Rayon de couverture : <strong>{valeur}&nbsp;km</strong>
        <span className="fr-hint-text">Distance à vol d’oiseau en deçà de laquelle une commune est couverte</span>
      </label>
      <input
        ref={champ}
        id={id}
        name="rayonKm"
        type="range"
        min={RAYON_MIN_KM}
        max={RAYON_MAX_KM}
        step={1}
        value={valeur}
        aria-valuetext={`${valeur} kilomètres`}
        onChange={(e) => setValeur(Number(e.target.value))}
      />
      <div className="maillage-rayon__bornes" aria-hidden="true">
        <span>{RAYON_MIN_KM}&nbsp;km</span>
        <span>{RAYON_MAX_KM}&nbsp;km</span>
      </div>
    </div>
  )
}

export function Controles<T extends string>({ vue, onChange, indicateur, indicateurs, onIndicateur }: Props<T>) {
  const idIndicateur = useId()
  return (
    <form className="maillage-controles" aria-label="Paramètres de la carte" onSubmit={(e) => e.preventDefault()}>
      <Rayon rayonKm={vue.rayonKm} onRayon={(rayonKm) => onChange({ rayonKm })} />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-text--regular">Offre prise en compte</legend>
        {CATEGORIES.map((c: Categorie) => (
          <div key={c} className="fr-fieldset__element">
            <div className="fr-checkbox-group fr-checkbox-group--sm">
              <input
                type="checkbox"
                id={`offre-${c}`}
                name="offre"
                value={c}
                checked={vue.offre.includes(c)}
                disabled={vue.offre.length === 1 && vue.offre.includes(c)}
                onChange={() => onChange({ offre: basculerCategorie(vue.offre, c) })}
              />
              <label className="fr-label" htmlFor={`offre-${c}`}>
                {LIBELLES_CATEGORIES[c]}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      {indicateurs && indicateur !== undefined && onIndicateur ? (
      <div className="fr-select-group">
        <label className="fr-label" htmlFor={idIndicateur}>
          Indicateur de la carte
        </label>
        <select className="fr-select" id={idIndicateur} name="indicateur" value={indicateur} onChange={(e) => onIndicateur(e.target.value as T)}>
          {indicateurs.map((o) => (
            <option key={o.valeur} value={o.valeur}>
              {o.libelle}
            </option>
          ))}
        </select>
      </div>
      ) : null}
    </form>
  )
}
