import { normaliserCodeInsee, normaliserCodePostal } from '../../../server/domain/code-insee.ts'
import { normaliserSiret } from '../../../server/domain/texte.ts'
import { ouiNon, texteOuNull, type Conversion } from './lieu-source.ts'

/** One structure habilitée Aidants Connect (2024-02): no coordinates; inactive ones are kept but flagged. */
export function convertirAidantsConnect(v: Record<string, string>, ligne: number, fichier: string): Conversion {
  const nom = texteOuNull(v.Name)
  if (!nom) return { ok: false, champ: 'Name', motif: 'nom absent' }
  const actif = ouiNon(v['Is Active'])
  if (actif === null) return { ok: false, champ: 'Is Active', motif: `état d'activité illisible : « ${v['Is Active'] ?? ''} »` }
  return {
    ok: true,
    lieu: {
      jeu: 'aidants-connect', fichier, ligne,
      idSource: texteOuNull(v.ID) ?? String(ligne),
      nom,
      categorie: 'aidants-connect',
      codeInsee: normaliserCodeInsee(v['City Insee Code']),
      longitude: null, latitude: null,
      siret: normaliserSiret(v.Siret),
      adresse: texteOuNull(v.Address),
      codePostal: normaliserCodePostal(v['Zip Code']),
      horaires: null, horairesTexte: null, telephone: null, siteWeb: null, courriel: null,
      services: ['Réaliser des démarches administratives avec un aidant habilité (Aidants Connect)'],
      postes: 0, typeStructure: null, zrr: null, qpv: null,
      itinerant: false, franceServicesType: null, franceServicesFormat: null,
      actif,
      dateMaj: '2024-02-22',
      donnees: v,
    },
  }
}
