import { startReactDsfr } from '@codegouvfr/react-dsfr/spa'
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css'
import './icones.css'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Link, RouterProvider } from 'react-router-dom'
import { ErreurApi } from './api/client.ts'
import { suivreImport } from './api/queries/import.ts'
import { routeur } from './routes.tsx'
import './styles.css'
import './impression.css'

startReactDsfr({ defaultColorScheme: 'light', Link })

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link
  }
}

// 4xx answers are final (bad code, unknown territory): retrying would only delay the error message.
const client = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (echecs, erreur) => echecs < 2 && !(erreur instanceof ErreurApi && erreur.status < 500),
      refetchOnWindowFocus: false,
    },
  },
})

suivreImport(client)

createRoot(document.getElementById('racine')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <RouterProvider router={routeur} />
    </QueryClientProvider>
  </StrictMode>,
)
