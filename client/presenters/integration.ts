/** Which map a site embeds: the lieux finder, or one département's coverage. */
export type CarteIntegrable = { type: 'trouver' } | { type: 'departement'; code: string }

/** Path of an embeddable page (the server lets the sites of MAILLAGE_INTEGRATION_ORIGINES frame these only). */
export const cheminIntegration = (carte: CarteIntegrable): string =>
  carte.type === 'trouver' ? '/integrer/trouver' : `/integrer/departements/${encodeURIComponent(carte.code)}`

const echapper = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/**
 * The HTML a mairie or a département pastes in its page: a titled, lazily loaded iframe, no border, the given
 * height, full width; `referrerpolicy` keeps the host page's address out of our logs beyond its origin.
 */
export function codeIntegration(origine: string, carte: CarteIntegrable, titre: string, hauteurPx: number): string {
  const hauteur = Math.round(Math.min(2000, Math.max(300, hauteurPx)))
  return `<iframe src="${echapper(origine + cheminIntegration(carte))}" title="${echapper(titre)}" width="100%" height="${hauteur}" ` +
    `style="border: 0" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`
}
