import type Database from 'better-sqlite3'

/** Lower-left corners of the population grid's cells in EPSG:3035 metres, in rang order (the engine's cell order). */
export type CoinsCarreaux = Readonly<{ x3035: Int32Array; y3035: Int32Array }>

export function lireCoinsCarreaux(db: Database.Database): CoinsCarreaux {
  const n = db.prepare('SELECT COUNT(*) FROM carreau').pluck().get() as number
  const x3035 = new Int32Array(n)
  const y3035 = new Int32Array(n)
  let k = 0
  for (const [x, y] of db.prepare('SELECT x3035, y3035 FROM carreau ORDER BY rang').raw().iterate() as Iterable<[number, number]>) {
    x3035[k] = x
    y3035[k++] = y
  }
  return { x3035, y3035 }
}
