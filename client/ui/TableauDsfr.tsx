import { useEffect, useRef, type HTMLAttributes, type ReactNode } from 'react'

type Props = HTMLAttributes<HTMLDivElement> & { [donnee: `data-${string}`]: string | undefined; children: ReactNode }

/** The DSFR table markup around a <table>: `fr-table` (plus `className`) and its three wrappers, in one place. */
export function TableauDsfr({ className, children, ...attributs }: Props) {
  const conteneur = useRef<HTMLDivElement>(null)
  useDefilementAuClavier(conteneur)
  return (
    <div className={`fr-table ${className ?? ''}`.trim()} {...attributs}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" ref={conteneur}>
          <div className="fr-table__content">{children}</div>
        </div>
      </div>
    </div>
  )
}

/**
 * The DSFR container scrolls a table wider than its column (a narrow side panel, a phone): it then takes the keyboard
 * focus, so that the arrow keys scroll it (WCAG 2.1.1, axe's scrollable-region-focusable); a table that fits adds no
 * tab stop.
 */
function useDefilementAuClavier(ref: React.RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const ajuster = () => {
      const defile = element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight
      if (defile) element.tabIndex = 0
      else element.removeAttribute('tabindex')
    }
    const observateur = new ResizeObserver(ajuster)
    observateur.observe(element)
    if (element.firstElementChild) observateur.observe(element.firstElementChild)
    ajuster()
    return () => observateur.disconnect()
  }, [ref])
}
