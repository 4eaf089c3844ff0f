import KDBush from 'kdbush'
import { around } from 'geokdbush'
import { versCommuneActuelle, type ReferentielCodes } from '../../../server/domain/code-insee.ts'
import type { LocalisateurPolygones } from '../../lib/point-dans-polygone.ts'
import type { LieuSource } from './lieu-source.ts'

export type Localisation = 'source' | 'siret' | 'centre-commune'

export type LieuLocalise = Readonly<{ source: LieuSource; commune: string; longitude: number; latitude: number; localisation: Localisation }>

export type Resultat = { ok: true; lieu: LieuLocalise } | { ok: false; champ: string; motif: string }

type CommunePoint = { code: string; longitude: number; latitude: number; codesPostaux: readonly string[] }

/** A point outside every (generalised) polygon, on a coast or border, goes to the nearest commune centre within this distance. */
const RAYON_RATTRAPAGE_KM = 15

/**
 * Places every lieu record in a COG 2026 commune and at a position, by these rules:
 * the source code INSEE first (arrondissement → commune, ancienne commune → commune nouvelle), else the
 * polygon that contains the source's point; a record without coordinates takes the position of a geocoded
 * record with the same SIRET (in its commune when it names one), else its commune's centre.
 */
export class Localisateur {
  private readonly centres: ReadonlyMap<string, CommunePoint>
  private readonly parCodePostal = new Map<string, string[]>()
  private readonly index: KDBush
  private readonly parSiret = new Map<string, LieuLocalise[]>()

  constructor(
    private readonly referentiel: ReferentielCodes,
    private readonly communes: readonly CommunePoint[],
    private readonly polygones: LocalisateurPolygones,
  ) {
    this.centres = new Map(communes.map((c) => [c.code, c]))
    for (const c of communes)
      for (const cp of c.codesPostaux) this.parCodePostal.set(cp, [...(this.parCodePostal.get(cp) ?? []), c.code])
    this.index = new KDBush(communes.length)
    for (const c of communes) this.index.add(c.longitude, c.latitude)
    this.index.finish()
  }

  /** Pass 1: records with coordinates. */
  localiserAvecPosition(lieu: LieuSource, champCode: string): Resultat {
    if (lieu.longitude === null || lieu.latitude === null) throw new Error('localiserAvecPosition: record without coordinates')
    const correspondance = lieu.codeInsee ? versCommuneActuelle(lieu.codeInsee, this.referentiel) : null
    let commune = correspondance?.ok ? correspondance.commune : this.polygones.localiser(lieu.longitude, lieu.latitude)
    if (!commune) {
      const [plusProche] = around(this.index, lieu.longitude, lieu.latitude, 1, RAYON_RATTRAPAGE_KM)
      commune = plusProche === undefined ? null : (this.communes[plusProche]?.code ?? null)
    }
    if (!commune)
      return { ok: false, champ: correspondance && !correspondance.ok ? champCode : 'latitude', motif: `position (${lieu.longitude}, ${lieu.latitude}) hors de toute commune de France` }
    const localise: LieuLocalise = { source: lieu, commune, longitude: lieu.longitude, latitude: lieu.latitude, localisation: 'source' }
    if (lieu.siret) this.parSiret.set(lieu.siret, [...(this.parSiret.get(lieu.siret) ?? []), localise])
    return { ok: true, lieu: localise }
  }

  /**
   * Pass 2: records without coordinates, once every geocoded record is known. With `jeux`, only the geocoded
   * records of those sources lend their position (a build that reads only them).
   */
  localiserSansPosition(lieu: LieuSource, champCode: string, jeux?: ReadonlySet<string>): Resultat {
    const correspondance = lieu.codeInsee ? versCommuneActuelle(lieu.codeInsee, this.referentiel) : null
    let commune = correspondance?.ok ? correspondance.commune : null
    const tous = lieu.siret ? (this.parSiret.get(lieu.siret) ?? []) : []
    const geocodes = jeux === undefined ? tous : tous.filter((g) => jeux.has(g.source.jeu))
    const meme = commune ? geocodes.find((g) => g.commune === commune) : geocodes[0]
    if (meme) return { ok: true, lieu: { source: lieu, commune: meme.commune, longitude: meme.longitude, latitude: meme.latitude, localisation: 'siret' } }
    if (!commune && !lieu.codeInsee && lieu.codePostal) {
      const candidates = this.parCodePostal.get(lieu.codePostal) ?? []
      if (candidates.length === 1) commune = candidates[0]!
    }
    const centre = commune ? this.centres.get(commune) : undefined
    if (centre) return { ok: true, lieu: { source: lieu, commune: centre.code, longitude: centre.longitude, latitude: centre.latitude, localisation: 'centre-commune' } }
    if (correspondance && !correspondance.ok) return { ok: false, champ: champCode, motif: `${correspondance.motif}, ni coordonnées ni SIRET géocodé` }
    return { ok: false, champ: champCode, motif: 'aucune position : ni coordonnées, ni code INSEE, ni SIRET géocodé, ni code postal propre à une commune' }
  }
}
