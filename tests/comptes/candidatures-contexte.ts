import { expect } from 'vitest'
import type { Deps } from '../../server/app.ts'
import { seConnecter } from './agent-http.ts'
import { appeler, contexteComptes } from './contexte.ts'
import { ORIGINE_MAILLAGE, PERSONNES } from './fournisseur-oidc.ts'

export type Commune = { code: string; nom: string; population: number; longitude: number; latitude: number; codesPostaux: string[] }

/**
 * What the candidature tests start from: Maillage over the national database with a fresh accounts database, the
 * préfets of the Drôme and of the Ardèche, a planificateur and an admin signed in through the real login, and the
 * six most populated zones blanches of the Drôme at 10 km (reference data, read-only). Candidatures are not shared:
 * `viderCandidatures` empties a département, and each test imports what it reads.
 */
export async function contexteCandidatures(deps?: Deps) {
  const ctx = await contexteComptes(deps)
  const cookies: Record<string, Record<string, string>> = { public: {} }
  for (const role of ['prefet-26', 'prefet-07', 'planificateur', 'admin']) cookies[role] = (await seConnecter(ctx.app, role)).bocal.entete()
  for (const [login, corps] of [['prefet-26', { role: 'prefet', departements: ['26'] }], ['prefet-07', { role: 'prefet', departements: ['07'] }],
    ['planificateur', { role: 'planificateur' }]] as const) {
    expect((await appeler(ctx.app, 'PUT', `/api/agents/${PERSONNES[login]!.email}`, cookies.admin!, corps)).status).toBe(200)
  }
  const zb = await appeler(ctx.app, 'GET', '/api/zones-blanches?departement=26&rayonKm=10&limit=6&methode=centres', {})
  const codes = (zb.corps.communes as { code: string }[]).map((c) => c.code)
  const blanches = await Promise.all(codes.map(async (code) => (await appeler(ctx.app, 'GET', `/api/communes/${code}`, {})).corps.commune as Commune))
  expect(blanches).toHaveLength(6)

  /** POSTs bytes or a text as `qui`, and reads the JSON answer. */
  async function envoyer(chemin: string, qui: string, corps: Uint8Array | string, type = 'text/csv') {
    const res = await ctx.app.request(`${ORIGINE_MAILLAGE}${chemin}`, {
      method: 'POST', headers: { ...cookies[qui], 'Content-Type': type }, body: corps as BodyInit,
    })
    const texte = await res.text()
    return { status: res.status, texte, corps: JSON.parse(texte) as any }
  }

  /** Deletes every candidature of a département (and their avis), straight in the accounts store. */
  async function viderCandidatures(departement: string) {
    for (const c of await ctx.comptes.comptes.candidatures(departement)) await ctx.comptes.comptes.supprimerCandidature(c.id)
  }

  /** Imports a JSON list of candidatures as the admin, and gives their ids by SIRET. */
  async function importer(departement: string, lignes: readonly Record<string, unknown>[]): Promise<Map<string, number>> {
    const r = await envoyer(`/api/departements/${departement}/candidatures`, 'admin', JSON.stringify(lignes), 'application/json')
    expect(r.status, r.texte).toBe(201)
    const toutes = await ctx.comptes.comptes.candidatures(departement)
    return new Map(toutes.map((c) => [c.siret, c.id]))
  }

  return { ...ctx, cookies, blanches, envoyer, viderCandidatures, importer }
}

/** Windows-1252 bytes of a text (what Excel saves as « CSV (séparateur : point-virgule) »). */
export const windows1252 = (texte: string) => Uint8Array.from(texte, (ch) => {
  const code = ch.charCodeAt(0)
  if (code > 255) throw new Error(`hors Windows-1252 : ${ch}`)
  return code
})

/** A CSV of the Drôme as a préfecture would save it: `;`, headers in French, types spelled freely, four candidatures. */
export function csvDrome(blanches: readonly Commune[]): string {
  const [a, b, c, d] = blanches
  return [
    'N° SIRET;Raison sociale;Type de structure;Adresse;Code INSEE;Code postal;Commune;Nombre de postes demandés;Longitude;Latitude;Date de dépôt;Remarque',
    `12345678900011;Mairie de ${a!.nom};Commune;1 place de la Mairie;${a!.code};;;2;;;01/10/2026;prioritaire`,
    `12345678900029;Association Lien numérique;Association loi 1901;3 rue des Écoles;;${b!.codesPostaux[0]};${b!.nom};1;;;2026-10-02;`,
    `12345678900037;Communauté de communes du Diois;EPCI;42 avenue de la Clairette;${c!.code};;;3;${String(c!.longitude + 0.01).replace('.', ',')};${String(c!.latitude).replace('.', ',')};;`,
    `12345678900045;Tiers-lieu Élan;ESS;5 chemin du Moulin;${d!.code};;;1;;;;`,
  ].join('\r\n')
}
