// The two ways of counting inhabitants, side by side: what the figures say with each, and in one sentence why
// they differ. The dashboard counts on the 1 km grid; the centre figures are those Maillage gave before it.
import type { Chiffres, CommunesCouverture, MethodeCouverture } from '../api/types.ts'
import { formatEntier, formatTaux } from '../charts/format.ts'

export const LIBELLES_METHODE: Readonly<Record<MethodeCouverture, string>> = {
  carreaux: 'Où les habitants vivent (carreaux de 1 km)',
  centres: 'Au point central de chaque commune',
}

/** What differs, said once wherever both columns are shown. */
export const PHRASE_METHODES =
  'Aux points centraux, chaque commune est comptée entière, couverte ou non, selon la distance de son point central au lieu le plus proche. ' +
  'Sur les carreaux de 1 km (recensement 2021), les habitants sont comptés là où ils vivent : une commune peut être couverte en partie. ' +
  'Les communes sans carreau et l’outre-mer restent comptées au point central.'

export type LigneMethodes = { cle: string; libelle: string; carreaux: string; centres: string }

/** The coverage figures of one territory counted both ways, in the order of `LIBELLES_METHODE`. */
export function comparerMethodes(carreaux: Chiffres, centres: Chiffres, rayonKm: number): LigneMethodes[] {
  const ligne = (cle: string, libelle: string, f: (c: Chiffres) => string): LigneMethodes => ({ cle, libelle, carreaux: f(carreaux), centres: f(centres) })
  return [
    ligne('tauxCouverture', 'Population couverte', (c) => formatTaux(c.tauxCouverture)),
    ligne('populationZonesBlanches', `Habitants à plus de ${rayonKm} km d’un lieu`, (c) => `${formatEntier(c.populationZonesBlanches)} hab.`),
    ligne('communesZonesBlanches', 'Communes en zone blanche (aucun habitant couvert)', (c) => formatEntier(c.communesZonesBlanches)),
    { cle: 'communesPartielles', libelle: 'Communes couvertes en partie', carreaux: formatEntier(carreaux.communesPartielles ?? null), centres: 'sans objet' },
  ]
}

/** The planner counts where people live, as the dashboard does: said once under its figures. */
export const PHRASE_PLANIFICATEUR =
  'Le planificateur compte les habitants là où ils vivent (carreaux de 1 km), comme le tableau de bord : un poste couvre ' +
  'les carreaux à moins du rayon, une commune peut être couverte en partie.'

/**
 * Whether a département's communes, as counted on cells, are all counted at their centre: the 1 km grid covers
 * métropole and Corse only, so a DROM (or a COM) has no cell; its figures are the same both ways.
 */
export function horsGrille(communes: CommunesCouverture): boolean {
  return communes.methode === 'carreaux' && communes.communes.length > 0 && communes.communes.every((c) => c.parCarreaux !== true)
}

/** Said instead of the comparison and the cells layer where `horsGrille`. */
export const PHRASE_HORS_GRILLE =
  'La grille de population de 1 km (Eurostat, recensement 2021) couvre la métropole et la Corse seulement : ' +
  'ici, chaque commune est comptée entière à son point central, et les deux façons de compter donnent les mêmes chiffres.'
