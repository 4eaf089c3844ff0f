/** Per-source accounting: every row read is kept, merged into another, or rejected with a reason. */
export type Rejet = Readonly<{ jeu: string; fichier: string; ligne: number; champ: string; motif: string }>

export type Compte = { jeu: string; fichier: string; lus: number; gardes: number; fusionnes: number; rejetes: number }

export class Rapport {
  readonly rejets: Rejet[] = []
  readonly comptes = new Map<string, Compte>()

  compte(jeu: string, fichier: string): Compte {
    let c = this.comptes.get(jeu)
    if (!c) {
      c = { jeu, fichier, lus: 0, gardes: 0, fusionnes: 0, rejetes: 0 }
      this.comptes.set(jeu, c)
    }
    return c
  }

  lu(jeu: string, fichier: string): void {
    this.compte(jeu, fichier).lus++
  }
  garde(jeu: string, fichier: string): void {
    this.compte(jeu, fichier).gardes++
  }
  fusionne(jeu: string, fichier: string): void {
    this.compte(jeu, fichier).fusionnes++
  }
  rejette(jeu: string, fichier: string, ligne: number, champ: string, motif: string): void {
    this.compte(jeu, fichier).rejetes++
    this.rejets.push({ jeu, fichier, ligne, champ, motif })
  }

  /** Throws when some source's rows do not add up: a row was lost somewhere. */
  verifier(): void {
    for (const c of this.comptes.values())
      if (c.lus !== c.gardes + c.fusionnes + c.rejetes)
        throw new Error(`${c.fichier} : ${c.lus} lignes lues ≠ ${c.gardes} gardées + ${c.fusionnes} fusionnées + ${c.rejetes} rejetées`)
  }
}
