/** Bounding box [minLng, minLat, maxLng, maxLat] of a GeoJSON geometry. */
export type Emprise = readonly [number, number, number, number]

export function emprise(geometrie: GeoJSON.Geometry): Emprise {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  const visiter = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number]
      if (x < minX) minX = x
      if (x > maxX) maxX = x
      if (y < minY) minY = y
      if (y > maxY) maxY = y
    } else for (const sous of c as unknown[]) visiter(sous)
  }
  if (geometrie.type === 'GeometryCollection')
    for (const g of geometrie.geometries) {
      const e = emprise(g)
      visiter([[e[0], e[1]], [e[2], e[3]]])
    }
  else visiter(geometrie.coordinates)
  return [minX, minY, maxX, maxY]
}
