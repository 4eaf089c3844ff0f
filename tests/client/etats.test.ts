import { describe, expect, it } from 'vitest'
import type { Map as CarteMaplibre } from 'maplibre-gl'
import { EtatsTerritoires } from '../../client/map/etats.ts'

/** A recording stand-in for the two maplibre methods the class calls. */
function carteFactice() {
  const appels: string[] = []
  const carte = {
    setFeatureState: (f: { id: string }, e: object) => appels.push(`set ${f.id} ${JSON.stringify(e)}`),
    removeFeatureState: (f: { id: string }) => appels.push(`remove ${f.id}`),
  }
  return { carte: carte as unknown as CarteMaplibre, appels }
}

describe('feature-state updates', () => {
  it('sends only the states that changed when rayonKm changes', () => {
    const { carte, appels } = carteFactice()
    const etats = new EtatsTerritoires({ source: 'communes', sourceLayer: 'communes' })
    etats.appliquer(carte, new Map([['26001', { valeur: 1 }], ['26002', { valeur: 2 }]]))
    appels.length = 0
    const changes = etats.appliquer(carte, new Map([['26001', { valeur: 1 }], ['26002', { valeur: 3 }]]))
    expect(changes).toBe(1)
    expect(appels).toEqual(['set 26002 {"valeur":3}'])
  })

  it('removes the state of territories that left the set', () => {
    const { carte, appels } = carteFactice()
    const etats = new EtatsTerritoires({ source: 'departements' })
    etats.appliquer(carte, new Map([['26', { valeur: 1 }]]))
    appels.length = 0
    etats.appliquer(carte, new Map())
    expect(appels).toEqual(['remove 26'])
  })

  it('clears a key that disappeared instead of letting setFeatureState merge it back', () => {
    const { carte, appels } = carteFactice()
    const etats = new EtatsTerritoires({ source: 'departements' })
    etats.appliquer(carte, new Map([['26', { valeur: 1, selection: true }]]))
    appels.length = 0
    etats.appliquer(carte, new Map([['26', { valeur: 1 }]]))
    expect(appels).toEqual(['remove 26', 'set 26 {"valeur":1}'])
  })
})
