type Position = readonly [number, number]
type Anneau = Position[]

/** Twice the signed area of a closed ring (positive when counter-clockwise, lng/lat as planar). */
function aireDouble(anneau: readonly Position[]): number {
  let a = 0
  for (let i = 0; i + 1 < anneau.length; i++) a += anneau[i]![0] * anneau[i + 1]![1] - anneau[i + 1]![0] * anneau[i]![1]
  return a
}

function dansAnneau(x: number, y: number, anneau: readonly Position[]): boolean {
  let dedans = false
  for (let i = 0, j = anneau.length - 1; i < anneau.length; j = i++) {
    const [xi, yi] = anneau[i]!
    const [xj, yj] = anneau[j]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) dedans = !dedans
  }
  return dedans
}

const cle = (p: Position) => `${p[0]},${p[1]}`

/**
 * Union of polygons that share their borders vertex for vertex (the départements of one région, cut
 * from one topology): every edge met twice in opposite directions is an inner border and cancels;
 * the edges left are chained into rings. Exteriors come out counter-clockwise and holes clockwise
 * (RFC 7946). Polygons that overlap or whose borders do not share vertices are not handled.
 */
export function dissoudre(geometries: readonly (GeoJSON.Polygon | GeoJSON.MultiPolygon)[]): GeoJSON.MultiPolygon {
  const aretes = new Map<string, [Position, Position]>()
  const ajouter = (a: Position, b: Position) => {
    if (a[0] === b[0] && a[1] === b[1]) return
    const inverse = `${cle(b)}|${cle(a)}`
    if (aretes.has(inverse)) aretes.delete(inverse)
    else aretes.set(`${cle(a)}|${cle(b)}`, [a, b])
  }
  for (const g of geometries)
    for (const polygone of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      polygone.forEach((brut, i) => {
        const anneau = brut.map((p) => [p[0]!, p[1]!] as const)
        // Orient each ring as RFC 7946 wants (exterior CCW, hole CW), so shared edges run opposite ways.
        const sens = aireDouble(anneau) >= 0 === (i === 0) ? anneau : anneau.toReversed()
        for (let k = 0; k + 1 < sens.length; k++) ajouter(sens[k]!, sens[k + 1]!)
      })

  const sortantes = new Map<string, Position[]>()
  for (const [a, b] of aretes.values()) {
    const liste = sortantes.get(cle(a))
    if (liste) liste.push(b)
    else sortantes.set(cle(a), [b])
  }
  const anneaux: Anneau[] = []
  for (const [depart, liste] of sortantes)
    while (liste.length > 0) {
      const premier = depart.split(',').map(Number) as unknown as Position
      const anneau: Anneau = [premier]
      let courant = depart
      do {
        const suivant = sortantes.get(courant)?.pop()
        if (!suivant) throw new Error(`Dissolution : anneau ouvert au sommet ${courant} (contours non jointifs)`)
        anneau.push(suivant)
        courant = cle(suivant)
      } while (courant !== depart)
      anneaux.push(anneau)
    }

  const exterieurs = anneaux.filter((a) => aireDouble(a) > 0).map((a) => ({ aire: aireDouble(a), anneaux: [a] }))
  exterieurs.sort((a, b) => a.aire - b.aire)
  for (const trou of anneaux.filter((a) => aireDouble(a) < 0)) {
    // The midpoint of an edge of the hole is strictly inside its exterior (a shared vertex may not be).
    const x = (trou[0]![0] + trou[1]![0]) / 2
    const y = (trou[0]![1] + trou[1]![1]) / 2
    const hote = exterieurs.find((e) => dansAnneau(x, y, e.anneaux[0]!))
    if (!hote) throw new Error(`Dissolution : trou sans contour extérieur près de [${x}, ${y}]`)
    hote.anneaux.push(trou)
  }
  exterieurs.sort((a, b) => b.aire - a.aire)
  return { type: 'MultiPolygon', coordinates: exterieurs.map((e) => e.anneaux.map((a) => a.map((p) => [p[0], p[1]]))) }
}
