import type { Context } from 'hono'

/**
 * The bytes of a file sent to an import route: the body itself (a CSV as `text/csv`), or the `fichier` field of a
 * `multipart/form-data` form. Past `tailleMaxOctets` (declared or read), `trop` is the refusal's message (413).
 */
export async function octetsTeleverses(c: Context, tailleMaxOctets: number, trop: string): Promise<{ octets: Uint8Array } | { status: 400 | 413; motif: string }> {
  if (Number(c.req.header('Content-Length') ?? 0) > tailleMaxOctets) return { status: 413, motif: trop }
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
  let octets: Uint8Array
  if (type === 'multipart/form-data') {
    const fichier = (await c.req.parseBody())['fichier']
    if (!(fichier instanceof File)) return { status: 400, motif: 'Le formulaire doit porter le fichier dans le champ « fichier ».' }
    octets = new Uint8Array(await fichier.arrayBuffer())
  } else {
    octets = new Uint8Array(await c.req.arrayBuffer())
  }
  if (octets.length > tailleMaxOctets) return { status: 413, motif: trop }
  return { octets }
}
