import { normaliserCodeInsee } from '../../../server/domain/code-insee.ts'
import { horairesFranceServices } from './horaires.ts'
import { coordonnees, texteOuNull, type Conversion } from './lieu-source.ts'

/** One row of the France services list (ANCT, 2024-08). Bus and itinerant services are flagged. */
export function convertirFranceServices(v: Record<string, string>, ligne: number, fichier: string): Conversion {
  const nom = texteOuNull(v.lib_fs)
  if (!nom) return { ok: false, champ: 'lib_fs', motif: 'nom absent' }
  const position = coordonnees(v.longitude, v.latitude)
  if (!position.ok) return { ok: false, champ: 'latitude', motif: position.motif }
  const format = texteOuNull(v.format_fs)
  const adresse = [texteOuNull(v.adresse), texteOuNull(v.complement_adresse)].filter(Boolean).join(', ')
  return {
    ok: true,
    lieu: {
      jeu: 'france-services', fichier, ligne,
      idSource: texteOuNull(v.id_fs) ?? String(ligne),
      nom,
      categorie: 'france-services',
      codeInsee: normaliserCodeInsee(v.insee_com),
      longitude: position.longitude, latitude: position.latitude,
      siret: null,
      adresse: adresse || null,
      codePostal: texteOuNull(v.code_postal),
      ...horairesFranceServices(v),
      telephone: texteOuNull(v.telephone),
      siteWeb: null,
      courriel: texteOuNull(v.mail),
      services: ['Accompagnement aux démarches administratives en ligne'],
      postes: 0, typeStructure: null, zrr: null, qpv: null,
      itinerant: format !== null && /^(Bus|Itin)/.test(format),
      franceServicesType: texteOuNull(v.type_fs),
      franceServicesFormat: format,
      actif: true,
      dateMaj: '2024-08-01',
      donnees: v,
    },
  }
}
