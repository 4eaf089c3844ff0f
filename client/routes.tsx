import { createBrowserRouter } from 'react-router-dom'
import { Gabarit } from './ui/Gabarit.tsx'
import { GabaritIntegre } from './ui/GabaritIntegre.tsx'
import { VueErreur } from './views/VueErreur.tsx'
import { VueIntrouvable } from './views/VueIntrouvable.tsx'
import { VueNationale } from './views/VueNationale.tsx'

// The national view draws on a 2D canvas and is the only one in the first bundle. The others are loaded on
// demand: they pull maplibre-gl (about 300 kB gzipped), commune and /trouver also opening_hours
// (about 1 MB with its holiday tables), which the national view must not pay for.
// A chunk that fails to load (network, new deployment) shows VueErreur inside the header and footer.
export const routeur = createBrowserRouter([
  {
    element: <Gabarit />,
    children: [
      {
        errorElement: <VueErreur />,
        children: [
          { index: true, element: <VueNationale /> },
          { path: 'departements/:code', lazy: async () => ({ Component: (await import('./views/VueDepartement.tsx')).VueDepartement }) },
          { path: 'departements/:code/fiche', lazy: async () => ({ Component: (await import('./views/fiche/VueFiche.tsx')).VueFiche }) },
          { path: 'departements/:code/candidatures', lazy: async () => ({ Component: (await import('./views/VueCandidatures.tsx')).VueCandidatures }) },
          { path: 'departements/:code/recrutement', lazy: async () => ({ Component: (await import('./views/VueRecrutement.tsx')).VueRecrutement }) },
          { path: 'communes/:code', lazy: async () => ({ Component: (await import('./views/VueCommune.tsx')).VueCommune }) },
          // The planner pulls no extra library but is for a few users: loaded on demand too.
          { path: 'planifier', lazy: async () => ({ Component: (await import('./views/VuePlanificationNationale.tsx')).VuePlanificationNationale }) },
          { path: 'planifier/:code', lazy: async () => ({ Component: (await import('./views/VuePlanifier.tsx')).VuePlanifier }) },
          { path: 'trouver', lazy: async () => ({ Component: (await import('./views/VueTrouver.tsx')).VueTrouver }) },
          { path: 'integration', lazy: async () => ({ Component: (await import('./views/integration/VueIntegration.tsx')).VueIntegration }) },
          { path: '*', element: <VueIntrouvable /> },
        ],
      },
    ],
  },
  // Pages for an <iframe> on another site: no header, no footer (server/securite/entetes.ts lets only them be framed).
  {
    path: 'integrer',
    element: <GabaritIntegre />,
    errorElement: <VueErreur />,
    children: [
      { path: 'trouver', lazy: async () => ({ Component: (await import('./views/VueTrouver.tsx')).VueTrouver }) },
      { path: 'departements/:code', lazy: async () => ({ Component: (await import('./views/integration/VueIntegreeDepartement.tsx')).VueIntegreeDepartement }) },
      { path: '*', element: <VueIntrouvable /> },
    ],
  },
])
