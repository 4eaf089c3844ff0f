import { createBrowserRouter } from 'react-router-dom'
import { Gabarit } from './ui/Gabarit.tsx'
import { VueDepartement } from './views/VueDepartement.tsx'
import { VueIntrouvable } from './views/VueIntrouvable.tsx'
import { VueNationale } from './views/VueNationale.tsx'

// Commune and /trouver are loaded on demand: they pull opening_hours (about 1 MB with its holiday
// tables), which the national view must not pay for.
export const routeur = createBrowserRouter([
  {
    element: <Gabarit />,
    children: [
      { index: true, element: <VueNationale /> },
      { path: 'departements/:code', element: <VueDepartement /> },
      { path: 'communes/:code', lazy: async () => ({ Component: (await import('./views/VueCommune.tsx')).VueCommune }) },
      // The planner pulls no extra library but is for a few users: loaded on demand too.
      { path: 'planifier', lazy: async () => ({ Component: (await import('./views/VuePlanificationNationale.tsx')).VuePlanificationNationale }) },
      { path: 'planifier/:code', lazy: async () => ({ Component: (await import('./views/VuePlanifier.tsx')).VuePlanifier }) },
      { path: 'trouver', lazy: async () => ({ Component: (await import('./views/VueTrouver.tsx')).VueTrouver }) },
      { path: '*', element: <VueIntrouvable /> },
    ],
  },
])
