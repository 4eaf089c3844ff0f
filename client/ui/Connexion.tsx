import type { HeaderProps } from '@codegouvfr/react-dsfr/Header'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { ReactElement } from 'react'
import { useLocation } from 'react-router-dom'
import { api, urlConnexion } from '../api/client.ts'
import { CLE_COMPTES, moi } from '../api/queries/comptes.ts'
import { libelleConnecte } from '../presenters/agent.ts'

/** The header's login / logout entries; nothing when the server has no identity provider configured. */
export function useAccesRapidesConnexion(): (HeaderProps.QuickAccessItem | ReactElement)[] {
  const { pathname, search } = useLocation()
  const { data } = useQuery(moi())
  const client = useQueryClient()
  if (!data || (!data.connexionPossible && !data.identite)) return []
  const qui = libelleConnecte(data)
  if (qui === null)
    return [{ iconId: 'fr-icon-user-line', text: 'Se connecter (agents)', linkProps: { to: urlConnexion(`${pathname}${search}`), reloadDocument: true } }]
  return [
    <span key="qui" className="fr-btn fr-icon-user-line fr-btn--icon-left maillage-connecte">{qui}</span>,
    {
      iconId: 'fr-icon-logout-box-r-line',
      text: 'Se déconnecter',
      buttonProps: {
        onClick: async () => {
          const { redirection } = await api.deconnexion()
          // The page is public from now on: say so before anything refetches, so that nothing asks for what only
          // an agent may read (the saved scenarios would get a 401), then drop what the agent had read.
          client.setQueryData(moi().queryKey, (d) => (d ? { ...d, identite: null, agent: null } : d))
          client.removeQueries({ queryKey: [...CLE_COMPTES, 'scenarios'] })
          await client.invalidateQueries({ queryKey: CLE_COMPTES })
          if (redirection) window.location.assign(redirection)
        },
      },
    },
  ]
}
