import type { Simulation } from '../../api/types.ts'
import { csvScenario, nomFichierScenario } from '../../presenters/export-scenario.ts'
import type { Planification } from '../../presenters/scenario.ts'

type Props = { code: string; plan: Planification; simulation: Simulation | undefined; enCalcul: boolean; nomsLieux: ReadonlyMap<number, string> }

/** Builds the CSV in the browser from the scenario and its last simulation, then downloads it. */
export function ExportScenario({ code, plan, simulation, enCalcul, nomsLieux }: Props) {
  const exporter = () => {
    if (!simulation) return
    const texte = csvScenario({
      departement: simulation.departement,
      parametres: { rayonKm: simulation.rayonKm, offre: simulation.offre },
      scenario: plan,
      nomsLieux,
      avant: simulation.avant,
      apres: simulation.apres,
      communesChangees: simulation.communesChangees,
    })
    const url = URL.createObjectURL(new Blob([texte], { type: 'text/csv;charset=utf-8' }))
    const lien = document.createElement('a')
    lien.href = url
    lien.download = nomFichierScenario(code, simulation.rayonKm)
    document.body.append(lien)
    lien.click()
    lien.remove()
    // The download has started from the URL; revoking on the next tick frees the blob.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
  return (
    <button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line" disabled={!simulation || enCalcul} onClick={exporter}>
      Exporter le scénario (CSV)
    </button>
  )
}
