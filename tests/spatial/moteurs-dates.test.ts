import { describe, expect, it } from 'vitest'
import type { Moteur } from '../../server/spatial/index.ts'
import { buildMoteursParDate } from '../../server/spatial/moteurs-dates.ts'

// Only identity matters here: the engines are never queried.
const moteur = (nom: string) => ({ moteur: { nom } as unknown as Moteur })

describe('buildMoteursParDate', () => {
  it('gives the import’s engine for the latest date and builds each earlier one once, on first use', () => {
    const construits: string[] = []
    const actuel = moteur('actuel')
    const dates = buildMoteursParDate(['2021-06', '2022-07', '2024-08'], actuel, (date) => (construits.push(date), moteur(date)))
    expect(construits).toEqual([])
    expect(dates.get('2024-08')).toBe(actuel)
    expect(dates.construit('2022-07')).toBe(false)
    const premier = dates.get('2022-07')
    expect(dates.get('2022-07')).toBe(premier)
    expect(dates.construit('2022-07')).toBe(true)
    expect(construits).toEqual(['2022-07'])
    expect(dates.construits()).toBe(1)
    expect(dates.derniere).toBe('2024-08')
  })

  it('knows no other date', () => {
    const dates = buildMoteursParDate(['2021-06', '2024-08'], moteur('actuel'), () => moteur('x'))
    expect(dates.get('2023-01')).toBeUndefined()
    expect(dates.construits()).toBe(0)
  })

  it.each([
    [[], /no date/],
    [['2022-07', '2021-06'], /dates must ascend, got 2022-07 then 2021-06/],
    [['2021-06', '2021-06'], /dates must ascend/],
  ])('refuses the dates %j', (liste, message) => {
    expect(() => buildMoteursParDate(liste, moteur('actuel'), () => moteur('x'))).toThrow(message)
  })
})
