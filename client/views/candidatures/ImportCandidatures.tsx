import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { api, ErreurImport } from '../../api/client.ts'
import { pluriel } from '../../charts/format.ts'
import { messageImportRefuse } from '../../presenters/candidatures.ts'
import { LignesRefusees } from './LignesRefusees.tsx'

type Props = { code: string; onImporte: () => void }

/** Import of the préfecture's file (CSV as the spreadsheet saved it, or JSON); refused rows are listed, never dropped. */
export function ImportCandidatures({ code, onImporte }: Props) {
  const [fichier, setFichier] = useState<File | null>(null)
  const [partiel, setPartiel] = useState(false)
  const importer = useMutation({ mutationFn: (v: { fichier: File; partiel: boolean }) => api.importerCandidatures(code, v.fichier, v.partiel), onSuccess: () => onImporte() })
  const r = importer.data
  const e = importer.error
  const messageErreur = e instanceof ErreurImport ? messageImportRefuse(e.status, e.message, e.rejetees, importer.variables?.partiel ?? false) : e?.message
  return (
    <section aria-labelledby="titre-import-candidatures" className="fr-mb-4w">
      <h2 id="titre-import-candidatures" className="fr-h5">Importer des candidatures</h2>
      <form onSubmit={(e) => { e.preventDefault(); if (fichier) importer.mutate({ fichier, partiel }) }}>
        <div className="fr-upload-group">
          <label className="fr-label" htmlFor="fichier-candidatures">
            Fichier des candidatures
            <span className="fr-hint-text">CSV (séparateur ; ou ,) tel que le tableur l’enregistre, ou JSON. Colonnes : SIRET, nom, type, adresse, code INSEE (ou code postal et commune), postes demandés ; longitude, latitude et date facultatives.</span>
          </label>
          <input id="fichier-candidatures" className="fr-upload" type="file" accept=".csv,.txt,.json,text/csv,application/json" onChange={(e) => setFichier(e.target.files?.[0] ?? null)} />
        </div>
        <div className="fr-checkbox-group fr-mt-1w">
          <input id="import-partiel" type="checkbox" checked={partiel} onChange={(e) => setPartiel(e.target.checked)} />
          <label className="fr-label" htmlFor="import-partiel">Importer les lignes valables même si d’autres sont refusées</label>
        </div>
        <button type="submit" className="fr-btn fr-mt-1w" disabled={fichier === null || importer.isPending}>Importer</button>
      </form>
      {r && (
        <p className="fr-alert fr-alert--success fr-alert--sm fr-mt-1w" role="status">
          {pluriel(r.importees, 'candidature importée', 'candidatures importées')} ({r.creees} nouvelle{r.creees > 1 ? 's' : ''}, {pluriel(r.modifiees, 'mise à jour', 'mises à jour')}).
          {r.colonnesIgnorees.length > 0 && ` Colonnes ignorées : ${r.colonnesIgnorees.join(', ')}.`}
        </p>
      )}
      {r && <LignesRefusees rejetees={r.rejetees} />}
      {e && <p className="fr-error-text" role="alert">{messageErreur}</p>}
      {importer.error instanceof ErreurImport && <LignesRefusees rejetees={importer.error.rejetees} />}
    </section>
  )
}
