import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { lieuxProches, type Origine } from '../api/queries/lieux.ts'
import { contoursDepartements, rechercheCommunes } from '../api/queries/territoires.ts'
import { Carte } from '../map/Carte.tsx'
import { lireOffre } from '../presenters/parametres.ts'
import { cadrageDePoints, communeEvidente, libelleCommune, reperesLieux } from '../presenters/trouver.ts'
import { CarteLieu } from '../ui/CarteLieu.tsx'
import { Etat } from '../ui/Etat.tsx'
import { useTitre } from '../ui/useTitre.ts'

function origineDe(params: URLSearchParams): Origine | null {
  const commune = params.get('commune')
  if (commune) return { commune }
  const [lat, lon] = [Number(params.get('lat')), Number(params.get('lon'))]
  if (params.has('lat') && params.has('lon') && Number.isFinite(lat) && Number.isFinite(lon)) return { latitude: lat, longitude: lon }
  return null
}

export function VueTrouver() {
  useTitre('Trouver un lieu de médiation numérique')
  const idRecherche = useId()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const [saisie, setSaisie] = useState(q)
  const [actif, setActif] = useState<string | null>(null)
  const [erreurPosition, setErreurPosition] = useState<string | null>(null)
  const offre = lireOffre(params.get('offre'))
  const origine = useMemo(() => origineDe(params), [params])
  const recherche = useQuery(rechercheCommunes(q))
  const lieux = useQuery({ ...lieuxProches(origine ?? { commune: '' }, offre, 10), enabled: origine !== null })
  const contours = useQuery(contoursDepartements())
  const [maintenant] = useState(() => new Date())

  const choisir = (commune: string, libelle: string) => setParams({ q: libelle, commune })
  useEffect(() => {
    if (!recherche.data || params.get('commune')) return
    const evidente = communeEvidente(q, recherche.data.communes)
    if (evidente) setParams({ q, commune: evidente.code }, { replace: true })
  }, [recherche.data, q, params, setParams])

  const geolocaliser = () => {
    setErreurPosition(null)
    if (!('geolocation' in navigator)) return setErreurPosition('La géolocalisation n’est pas disponible dans ce navigateur.')
    navigator.geolocation.getCurrentPosition(
      (p) => setParams({ lat: p.coords.latitude.toFixed(5), lon: p.coords.longitude.toFixed(5) }),
      () => setErreurPosition('Position refusée ou indisponible : cherchez plutôt votre commune.'),
      { timeout: 10_000 },
    )
  }

  const liste = lieux.data?.lieux ?? []
  const pointOrigine = origine && 'latitude' in origine ? { ...origine, libelle: 'Votre position' } : null
  const reperes = useMemo(() => reperesLieux(liste, actif, pointOrigine), [liste, actif, pointOrigine?.latitude, pointOrigine?.longitude])
  const cadrage = useMemo(() => cadrageDePoints(pointOrigine ? [...liste, pointOrigine] : liste), [liste, pointOrigine?.latitude, pointOrigine?.longitude])
  const choixCommune = recherche.data && !params.get('commune') ? recherche.data.communes : []

  return (
    <div className="fr-container fr-py-4w maillage-vue" data-vue="trouver">
      <h1 className="fr-h2">Trouver un lieu de médiation numérique</h1>
      <p>Cherchez votre commune par son nom ou son code postal, ou utilisez votre position, pour voir les lieux les plus proches.</p>
      <form
        role="search"
        className="maillage-recherche"
        onSubmit={(e) => {
          e.preventDefault()
          setParams({ q: saisie.trim() })
        }}
      >
        <div className="fr-search-bar">
          <label className="fr-label" htmlFor={idRecherche}>
            Commune ou code postal
          </label>
          <input className="fr-input" id={idRecherche} type="search" name="q" autoComplete="off" placeholder="Ex. : Die, 26150" value={saisie} onChange={(e) => setSaisie(e.target.value)} />
          <button className="fr-btn" type="submit" title="Rechercher">
            Rechercher
          </button>
        </div>
        <button type="button" className="fr-btn fr-btn--secondary fr-icon-map-pin-2-line fr-btn--icon-left fr-mt-2w" onClick={geolocaliser}>
          Utiliser ma position
        </button>
        {erreurPosition ? <p className="fr-error-text">{erreurPosition}</p> : null}
      </form>
      <Etat chargement={q.length >= 2 && recherche.isPending} erreur={recherche.error}>
        {choixCommune.length > 0 ? (
          <nav aria-label="Communes trouvées" className="fr-mt-2w">
            <p>{choixCommune.length} communes correspondent{recherche.data?.truncated ? ' (liste tronquée, précisez)' : ''} : choisissez la vôtre.</p>
            <ul className="maillage-choix">
              {choixCommune.map((c) => (
                <li key={c.code}>
                  <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm" onClick={() => choisir(c.code, c.nom)}>
                    {libelleCommune(c)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        ) : recherche.data && recherche.data.communes.length === 0 ? (
          <p className="fr-mt-2w">Aucune commune ne correspond à « {q} ».</p>
        ) : null}
      </Etat>
      {origine ? (
        <div className="maillage-trouver fr-mt-3w">
          <section aria-labelledby="titre-lieux" className="maillage-trouver__liste">
            <h2 className="fr-h4" id="titre-lieux">
              Lieux les plus proches{q && 'commune' in origine ? ` de ${q}` : ''}
            </h2>
            <Etat chargement={lieux.isPending} erreur={lieux.error}>
              {liste.length === 0 ? <p>Aucun lieu trouvé.</p> : null}
              <ol className="maillage-lieux" data-liste="lieux-proches">
                {liste.map((l, i) => (
                  <CarteLieu key={l.id} lieu={l} numero={i + 1} maintenant={maintenant} actif={String(l.id) === actif} onActiver={() => setActif(String(l.id))} />
                ))}
              </ol>
            </Etat>
          </section>
          <div className="maillage-trouver__carte">
            <Carte libelle="Carte des lieux de la liste, numérotés dans le même ordre" cadrage={cadrage} contoursDepartements={contours.data} reperes={reperes} />
          </div>
        </div>
      ) : null}
    </div>
  )
}
