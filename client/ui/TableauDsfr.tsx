import type { HTMLAttributes, ReactNode } from 'react'

type Props = HTMLAttributes<HTMLDivElement> & { [donnee: `data-${string}`]: string | undefined; children: ReactNode }

/** The DSFR table markup around a <table>: `fr-table` (plus `className`) and its three wrappers, in one place. */
export function TableauDsfr({ className, children, ...attributs }: Props) {
  return (
    <div className={`fr-table ${className ?? ''}`.trim()} {...attributs}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">{children}</div>
        </div>
      </div>
    </div>
  )
}
