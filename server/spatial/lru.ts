/**
 * A small least-recently-used cache. Map iteration order is insertion order, so re-inserting on
 * every hit keeps the oldest entry first and eviction is O(1).
 */
export class Lru<K, V> {
  readonly #entries = new Map<K, V>()

  /** @param capacite how many entries to keep (≥ 1). */
  constructor(readonly capacite: number) {
    if (!Number.isInteger(capacite) || capacite < 1) throw new Error(`Lru: capacite must be a positive integer, got ${capacite}`)
  }

  /** The cached value for `key`, computing and storing it with `compute` on a miss. */
  getOrCompute(key: K, compute: () => V): V {
    const entries = this.#entries
    if (entries.has(key)) {
      const value = entries.get(key) as V
      entries.delete(key)
      entries.set(key, value)
      return value
    }
    const value = compute()
    entries.set(key, value)
    if (entries.size > this.capacite) entries.delete(entries.keys().next().value as K)
    return value
  }

  /** Whether `key` is cached (does not count as a use). */
  has(key: K): boolean {
    return this.#entries.has(key)
  }

  /** Takes `key`'s value out of the cache: undefined when it is not there. */
  prendre(key: K): V | undefined {
    const value = this.#entries.get(key)
    this.#entries.delete(key)
    return value
  }

  /** Forgets `key` (a value that turned out wrong, e.g. a failed computation). */
  delete(key: K): void {
    this.#entries.delete(key)
  }

  get size(): number {
    return this.#entries.size
  }
}
