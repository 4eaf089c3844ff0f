import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'
import { ecrireVue, lireVue, type Vue } from '../presenters/parametres.ts'

/** The view state lives in the URL: shareable, and the back button undoes a change of rayonKm. */
export function useVue(): [Vue, (changement: Partial<Vue>) => void, string] {
  const [params, setParams] = useSearchParams()
  const vue = useMemo(() => lireVue(params), [params])
  const changer = useCallback(
    (changement: Partial<Vue>) => setParams(ecrireVue({ ...lireVue(params), ...changement }), { replace: false }),
    [params, setParams],
  )
  const requete = ecrireVue(vue).toString()
  return [vue, changer, requete ? `?${requete}` : '']
}
