// Numbered HTML markers for a short list of lieux (/trouver, commune view): DOM markers need no
// glyphs, so numbers show on the offline style, and they match the numbers of the list.
import * as maplibregl from 'maplibre-gl'
import { useEffect } from 'react'

export type Repere = {
  id: string
  longitude: number
  latitude: number
  libelle: string
  numero?: number | undefined
  actif?: boolean | undefined
  origine?: boolean | undefined
  /** A site proposed by the optimisation: another shape, so it never reads as an existing lieu. */
  variante?: 'propose' | undefined
}

export function Reperes({ carte, reperes }: { carte: maplibregl.Map; reperes: readonly Repere[] }) {
  useEffect(() => {
    const marqueurs = reperes.map((r) => {
      const el = document.createElement('div')
      el.className = `maillage-repere${r.actif ? ' maillage-repere--actif' : ''}${r.origine ? ' maillage-repere--origine' : ''}${r.variante ? ` maillage-repere--${r.variante}` : ''}`
      el.textContent = r.numero === undefined ? '' : String(r.numero)
      el.title = r.libelle
      // Decorative: the list next to the map carries the same information for assistive technologies.
      el.setAttribute('aria-hidden', 'true')
      return new maplibregl.Marker({ element: el }).setLngLat([r.longitude, r.latitude]).addTo(carte)
    })
    return () => {
      for (const m of marqueurs) m.remove()
    }
  }, [carte, reperes])
  return null
}
