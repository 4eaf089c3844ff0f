import { describe, expect, it } from 'vitest'
import { cadrageZoome, EMPRISE_METROPOLE } from '../../client/map/cadrage.ts'
import { couleurParCode } from '../../client/map/layers/departements.ts'

describe('zooming in from the national canvas', () => {
  it('frames half the width and height of metropolitan France around the pointer', () => {
    // Metropolitan frame: 15° by 9.9°; one step in is 7.5° by 4.95°, centred on Valence.
    const attendu = [1.14, 42.455, 8.64, 47.405]
    cadrageZoome([4.89, 44.93]).forEach((v, i) => expect(v).toBeCloseTo(attendu[i]!, 10))
  })

  it('frames the middle of metropolitan France when zoomed with the button', () => {
    const [x0, y0, x1, y1] = cadrageZoome(null)
    const [m0, n0, m1, n1] = EMPRISE_METROPOLE
    expect((x0 + x1) / 2).toBeCloseTo((m0 + m1) / 2, 10)
    expect((y0 + y1) / 2).toBeCloseTo((n0 + n1) / 2, 10)
    expect(x1 - x0).toBeCloseTo((m1 - m0) / 2, 10)
  })
})

describe('national colours on the maplibre map', () => {
  it('matches each département code to its canvas colour, grey otherwise', () => {
    expect(couleurParCode(new Map([['26', '#08519c'], ['2A', '#eff3ff']]), '#d9d9d9')).toEqual(['match', ['get', 'code'], '26', '#08519c', '2A', '#eff3ff', '#d9d9d9'])
  })

  it('is the plain grey while no figure has arrived', () => {
    expect(couleurParCode(new Map(), '#d9d9d9')).toBe('#d9d9d9')
  })
})
