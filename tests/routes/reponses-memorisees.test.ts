import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { reponsesMemorisees } from '../../server/routes/reponses-memorisees.ts'

/** A tiny app whose answer depends on its query, counting how often the answer is built. */
function app(capacite: number) {
  const reponses = reponsesMemorisees(capacite)
  const construits: string[] = []
  const routes = new Hono().get('/r', (c) => {
    const cle = c.req.query('k') ?? ''
    return reponses.json(c, cle, () => {
      construits.push(cle)
      return { ok: true, cle, texte: 'Drôme — « accentué »', nombres: [0.1 + 0.2, -0, 1e21] }
    })
  })
  return { routes, construits }
}

describe('reponsesMemorisees: JSON answers serialised once per key', () => {
  it('answers the bytes c.json would, with its content type', async () => {
    const { routes } = app(4)
    const reference = new Hono().get('/r', (c) => c.json({ ok: true, cle: 'a', texte: 'Drôme — « accentué »', nombres: [0.1 + 0.2, -0, 1e21] }))
    const [r, attendu] = await Promise.all([routes.request('/r?k=a'), reference.request('/r')])
    expect(r.status).toBe(200)
    expect(r.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(new Uint8Array(await attendu.arrayBuffer()))
  })

  it('builds each key once and serves the same bytes again', async () => {
    const { routes, construits } = app(4)
    const textes = []
    for (const k of ['a', 'b', 'a', 'a', 'b']) textes.push(await (await routes.request(`/r?k=${k}`)).text())
    expect(construits).toEqual(['a', 'b'])
    expect(textes[2]).toBe(textes[0])
    expect(JSON.parse(textes[1]!).cle).toBe('b')
  })

  it('keeps at most `capacite` answers, forgetting the least recently used', async () => {
    const { routes, construits } = app(2)
    for (const k of ['a', 'b', 'a', 'c', 'a', 'b']) await routes.request(`/r?k=${k}`)
    // c evicts b (a was used since), then b evicts c.
    expect(construits).toEqual(['a', 'b', 'c', 'b'])
  })
})
