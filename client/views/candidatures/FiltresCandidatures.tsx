import type { FiltreAvis, FiltreType, Filtres } from '../../presenters/carte-candidatures.ts'

const AVIS: { valeur: FiltreAvis; libelle: string }[] = [
  { valeur: 'tous', libelle: 'tous' }, { valeur: 'favorable', libelle: 'favorable' }, { valeur: 'reserve', libelle: 'réservé' },
  { valeur: 'defavorable', libelle: 'défavorable' }, { valeur: 'sans-avis', libelle: 'pas encore d’avis' },
]
const TYPES: { valeur: FiltreType; libelle: string }[] = [
  { valeur: 'tous', libelle: 'tous' }, { valeur: 'collectivite', libelle: 'collectivité' }, { valeur: 'privee', libelle: 'structure privée' },
]

/** Which candidatures the map and the table show: by current avis, by kind of structure. */
export function FiltresCandidatures({ filtres, onChange }: { filtres: Filtres; onChange: (f: Filtres) => void }) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-4 fr-select-group">
        <label className="fr-label" htmlFor="filtre-avis">Avis</label>
        <select id="filtre-avis" className="fr-select" value={filtres.avis} onChange={(e) => onChange({ ...filtres, avis: e.target.value as FiltreAvis })}>
          {AVIS.map((a) => <option key={a.valeur} value={a.valeur}>{a.libelle}</option>)}
        </select>
      </div>
      <div className="fr-col-12 fr-col-md-4 fr-select-group">
        <label className="fr-label" htmlFor="filtre-type">Type de structure</label>
        <select id="filtre-type" className="fr-select" value={filtres.type} onChange={(e) => onChange({ ...filtres, type: e.target.value as FiltreType })}>
          {TYPES.map((t) => <option key={t.valeur} value={t.valeur}>{t.libelle}</option>)}
        </select>
      </div>
    </div>
  )
}
