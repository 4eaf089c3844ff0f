import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { couvertureCommune } from '../api/queries/couverture.ts'
import { lieuxProches } from '../api/queries/lieux.ts'
import { commune as requeteCommune, contoursDepartements } from '../api/queries/territoires.ts'
import { formatDecimal, formatEntier, formatEuros, formatKm, formatTaux } from '../charts/format.ts'
import { Carte } from '../map/Carte.tsx'
import { palette } from '../map/palette.ts'
import { libelleCouvertureCommune } from '../presenters/indicateurs.ts'
import { cadrageDePoints, reperesLieux } from '../presenters/trouver.ts'
import { CarteLieu } from '../ui/CarteLieu.tsx'
import { Etat } from '../ui/Etat.tsx'
import { useTitre } from '../ui/useTitre.ts'
import { useVue } from './useVue.ts'

export function VueCommune() {
  const { code = '' } = useParams()
  const [vue, , suffixe] = useVue()
  const commune = useQuery(requeteCommune(code))
  const couverture = useQuery(couvertureCommune(code, vue))
  const lieux = useQuery(lieuxProches({ commune: code }, vue.offre, 10))
  const contours = useQuery(contoursDepartements())
  const [actif, setActif] = useState<string | null>(null)
  const [maintenant] = useState(() => new Date())
  const c = commune.data
  useTitre(c ? `${c.nom} (${c.departement})` : `Commune ${code}`)

  const liste = lieux.data?.lieux ?? []
  const reperes = useMemo(() => reperesLieux(liste, actif, null), [liste, actif])
  const cadrage = useMemo(() => {
    if (!c) return null
    const [o, s, e, n] = c.bbox
    return cadrageDePoints([{ longitude: o, latitude: s }, { longitude: e, latitude: n }, ...liste.slice(0, 5)])
  }, [c, liste])
  const choroplethe = useMemo(
    () => (c ? { etats: new Map<string, never>(), couleur: ['case', ['boolean', ['feature-state', 'selection'], false], palette.couverte, palette.horsSelection], departement: c.departement, selection: c.code } : undefined),
    [c],
  )
  const cv = couverture.data
  const ind = c?.indicateurs

  return (
    <div className="fr-container fr-py-3w maillage-vue" data-vue="commune" data-code={code}>
      <nav role="navigation" className="fr-breadcrumb fr-mb-1w" aria-label="vous êtes ici :">
        <ol className="fr-breadcrumb__list">
          <li><Link className="fr-breadcrumb__link" to={`/${suffixe}`}>France</Link></li>
          {c ? <li><Link className="fr-breadcrumb__link" to={`/departements/${c.departement}${suffixe}`}>{c.nomDepartement}</Link></li> : null}
          <li><a className="fr-breadcrumb__link" aria-current="page">{c?.nom ?? code}</a></li>
        </ol>
      </nav>
      <Etat chargement={commune.isPending} erreur={commune.error}>
        {c ? (
          <>
            <h1 className="fr-h3">
              {c.nom} <span className="fr-text--lead fr-text--regular">— {c.nomDepartement} ({c.departement})</span>
            </h1>
            <div className="maillage-commune">
              <section aria-label="Chiffres de la commune" className="maillage-chiffres">
                <dl>
                  <div className="maillage-chiffres__ligne"><dt>Population</dt><dd>{formatEntier(c.population)} hab.</dd></div>
                  <div className="maillage-chiffres__ligne" data-chiffre="couverte">
                    <dt>Couverture à {vue.rayonKm}&nbsp;km</dt>
                    <dd>{cv ? libelleCouvertureCommune(cv) : '…'}</dd>
                  </div>
                  <div className="maillage-chiffres__ligne"><dt>Lieu le plus proche</dt><dd>{cv?.lieuLePlusProche ? `${cv.lieuLePlusProche.nom} (${formatKm(cv.distanceKm)})` : '—'}</dd></div>
                  <div className="maillage-chiffres__ligne"><dt>Accessibilité</dt><dd>{formatDecimal(cv?.accessibilite)}</dd></div>
                  <div className="maillage-chiffres__ligne"><dt>Indice de fragilité numérique</dt><dd>{formatDecimal(ind?.ifn?.total)}</dd></div>
                  <div className="maillage-chiffres__ligne"><dt>Revenu médian</dt><dd>{formatEuros(ind?.revenuMedian)}</dd></div>
                  <div className="maillage-chiffres__ligne"><dt>Taux de pauvreté</dt><dd>{ind?.tauxPauvrete == null ? '—' : formatTaux(ind.tauxPauvrete > 1 ? ind.tauxPauvrete / 100 : ind.tauxPauvrete)}</dd></div>
                  <div className="maillage-chiffres__ligne"><dt>Codes postaux</dt><dd>{c.codesPostaux.join(', ') || '—'}</dd></div>
                </dl>
                <Etat chargement={couverture.isPending} erreur={couverture.error} />
              </section>
              <div className="maillage-commune__carte">
                <Carte libelle={`Carte de ${c.nom} et des lieux les plus proches, numérotés comme la liste`} cadrage={cadrage} contoursDepartements={contours.data} communes={choroplethe} reperes={reperes} />
              </div>
            </div>
          </>
        ) : null}
      </Etat>
      <section aria-labelledby="titre-lieux-commune" className="fr-mt-3w">
        <h2 className="fr-h4" id="titre-lieux-commune">Lieux les plus proches</h2>
        <Etat chargement={lieux.isPending} erreur={lieux.error}>
          <ol className="maillage-lieux maillage-lieux--grille" data-liste="lieux-proches">
            {liste.map((l, i) => (
              <CarteLieu key={l.id} lieu={l} numero={i + 1} maintenant={maintenant} actif={String(l.id) === actif} onActiver={() => setActif(String(l.id))} />
            ))}
          </ol>
        </Etat>
      </section>
    </div>
  )
}
