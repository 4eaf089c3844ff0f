import { Footer } from '@codegouvfr/react-dsfr/Footer'
import { Header } from '@codegouvfr/react-dsfr/Header'
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks'
import { useQuery } from '@tanstack/react-query'
import { memo } from 'react'
import { Outlet, useLocation } from 'react-router-dom'
import { sante } from '../api/queries/territoires.ts'
import { dateImport, libelleSources } from '../presenters/sources.ts'
import { useAccesRapidesConnexion } from './Connexion.tsx'

function Sources() {
  const { data, error } = useQuery(sante())
  if (error) return <span>Sources indisponibles : {error.message}</span>
  if (!data) return <span>Chargement des sources…</span>
  return (
    <span className="maillage-sources">
      {libelleSources(data.import.sources)}. Import du {dateImport(data.import.date)}.
    </span>
  )
}

/** The footer never changes with the view: memoised, it is not re-rendered at each rayonKm or indicator change. */
const PiedDePage = memo(function PiedDePage() {
  return (
    <Footer
      id="pied-de-page"
      accessibility="partially compliant"
      brandTop={<>République<br />Française</>}
      homeLinkProps={{ to: '/', title: 'Accueil — Maillage' }}
      contentDescription={<Sources />}
      bottomItems={[
        { text: 'Export national (CSV)', linkProps: { href: '/api/couverture.csv' } },
        { text: 'Intégrer cette carte', linkProps: { to: '/integration' } },
      ]}
    />
  )
})

export function Gabarit() {
  const { pathname } = useLocation()
  const accesRapides = useAccesRapidesConnexion()
  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Pied de page', anchor: '#pied-de-page' },
        ]}
      />
      <Header
        brandTop={<>République<br />Française</>}
        homeLinkProps={{ to: '/', title: 'Accueil — Maillage' }}
        serviceTitle="Maillage"
        serviceTagline="Couverture territoriale de la médiation numérique"
        quickAccessItems={accesRapides}
        navigation={[
          { text: 'Tableau de bord national', linkProps: { to: '/' }, isActive: pathname === '/' || pathname.startsWith('/departements') || pathname.startsWith('/communes') },
          { text: 'Planifier de nouveaux postes', linkProps: { to: '/planifier' }, isActive: pathname.startsWith('/planifier') },
          { text: 'Trouver un lieu près de chez moi', linkProps: { to: '/trouver' }, isActive: pathname.startsWith('/trouver') },
        ]}
      />
      <main id="contenu" tabIndex={-1} className="maillage-principal">
        <Outlet />
      </main>
      <PiedDePage />
    </>
  )
}
