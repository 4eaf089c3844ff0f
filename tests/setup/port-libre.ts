import { createServer } from 'node:net'

/** A TCP port free on 127.0.0.1 right now (the system picks it): for servers a test or a bench starts. */
export function portLibre(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = createServer()
    s.once('error', ko)
    s.listen(0, '127.0.0.1', () => {
      const adresse = s.address()
      s.close(() => ok(typeof adresse === 'object' && adresse ? adresse.port : 0))
    })
  })
}
