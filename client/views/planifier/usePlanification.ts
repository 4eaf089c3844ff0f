import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'
import { ecrirePlanification, lirePlanification, type Planification } from '../../presenters/scenario.ts'

/**
 * The planning scenario lives in the URL: a link shares it, and each change is a history entry, so
 * the back button undoes the last poste added or lieu withdrawn.
 */
export function usePlanification(): [Planification, (changer: (p: Planification) => Planification) => void, string] {
  const [params, setParams] = useSearchParams()
  const planification = useMemo(() => lirePlanification(params), [params])
  const modifier = useCallback(
    (changer: (p: Planification) => Planification) => setParams((actuels) => ecrirePlanification(changer(lirePlanification(actuels)))),
    [setParams],
  )
  return [planification, modifier, `?${ecrirePlanification(planification).toString()}`]
}
