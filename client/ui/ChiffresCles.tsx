import type { Chiffres } from '../api/types.ts'
import { CATEGORIES, LIBELLES_CATEGORIES } from '../../server/domain/offre.ts'
import { formatDecimal, formatEntier, formatEuros, formatKm, formatTaux } from '../charts/format.ts'
import { totalLieux } from '../presenters/national.ts'

/** The key figures of a territory as a description list; `data-chiffre` names them for tests and print. */
export function ChiffresCles({ chiffres, rayonKm, titre }: { chiffres: Chiffres; rayonKm: number; titre: string }) {
  const lignes: [string, string, string][] = [
    ['tauxCouverture', 'Population couverte', `${formatTaux(chiffres.tauxCouverture)} (${formatEntier(chiffres.populationCouverte)} hab.)`],
    ['populationZonesBlanches', `Population à plus de ${rayonKm} km d’un lieu`, `${formatEntier(chiffres.populationZonesBlanches)} hab.`],
    ['communesZonesBlanches', 'Communes en zone blanche', `${formatEntier(chiffres.communesZonesBlanches)} sur ${formatEntier(chiffres.communes)}`],
    ...(chiffres.communesPartielles === undefined ? [] : [['communesPartielles', 'Communes couvertes en partie', formatEntier(chiffres.communesPartielles)] as [string, string, string]]),
    ['distanceMoyenneKm', 'Distance moyenne au lieu le plus proche', formatKm(chiffres.distanceMoyenneKm)],
    ['lieux', 'Lieux de médiation numérique', formatEntier(totalLieux(chiffres))],
    ['postes', 'Postes de conseillers numériques', `${formatEntier(chiffres.postes)} (${formatDecimal(chiffres.postesPour10000)} pour 10 000 hab.)`],
    ['financementEtatEuros', 'Financement de l’État', formatEuros(chiffres.financementEtatEuros)],
    ['accessibiliteMediane', 'Accessibilité médiane', formatDecimal(chiffres.accessibiliteMediane)],
    ['ifnMoyenZonesBlanches', 'Fragilité numérique moyenne des zones blanches (IFN)', formatDecimal(chiffres.ifnMoyenZonesBlanches)],
  ]
  return (
    <section className="maillage-chiffres" aria-label={titre}>
      <h2 className="fr-h5">{titre}</h2>
      <dl>
        {lignes.map(([cle, libelle, valeur]) => (
          <div key={cle} className="maillage-chiffres__ligne" data-chiffre={cle}>
            <dt>{libelle}</dt>
            <dd>{valeur}</dd>
          </div>
        ))}
      </dl>
      <details className="maillage-chiffres__lieux">
        <summary>Lieux par catégorie</summary>
        <ul>
          {CATEGORIES.map((c) => (
            <li key={c}>
              {LIBELLES_CATEGORIES[c]} : {formatEntier(chiffres.lieux[c])}
            </li>
          ))}
        </ul>
      </details>
    </section>
  )
}
