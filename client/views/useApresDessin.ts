import { startTransition, useEffect, useState } from 'react'

/**
 * `valeur`, but only once the browser has painted the frame that follows its change: a large table
 * fed with it re-renders after the map shows the new colours, not before (the map is what the user
 * is watching; rendering 109 rows first would hold the next frame back by a few hundred ms).
 */
export function useApresDessin<T>(valeur: T): T {
  const [differee, setDifferee] = useState(valeur)
  useEffect(() => {
    let image = requestAnimationFrame(() => {
      image = requestAnimationFrame(() => startTransition(() => setDifferee(valeur)))
    })
    return () => cancelAnimationFrame(image)
  }, [valeur])
  return differee
}
