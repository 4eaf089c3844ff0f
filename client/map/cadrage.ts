import type { Bbox } from '../api/types.ts'

/** Metropolitan France, as the canvas first view frames it. */
export const EMPRISE_METROPOLE: Bbox = [-5.3, 41.3, 9.7, 51.2]

/** The view one zoom step in from metropolitan France: half its width and height, around `autour` or its middle. */
export function cadrageZoome(autour: [number, number] | null, emprise: Bbox = EMPRISE_METROPOLE): Bbox {
  const [x0, y0, x1, y1] = emprise
  const [lng, lat] = autour ?? [(x0 + x1) / 2, (y0 + y1) / 2]
  const [dx, dy] = [(x1 - x0) / 4, (y1 - y0) / 4]
  return [lng - dx, lat - dy, lng + dx, lat + dy]
}
