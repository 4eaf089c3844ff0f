import { useEffect } from 'react'

/** Each route names the page, so screen readers and browser history tell the views apart. */
export function useTitre(titre: string | undefined) {
  useEffect(() => {
    if (titre) document.title = `${titre} — Maillage`
  }, [titre])
}
