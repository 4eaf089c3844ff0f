import cliProgress from 'cli-progress'

/** Shows the build's steps as a progress bar with the current step and its duration. */
export class Etapes {
  private readonly barre: cliProgress.SingleBar | null
  private fait = 0
  readonly durees: { etape: string; ms: number }[] = []

  constructor(silencieux: boolean, total = 6) {
    this.barre = silencieux || !process.stdout.isTTY
      ? null
      : new cliProgress.SingleBar({ format: ' {bar} {value}/{total} étapes | {etape}', hideCursor: true }, cliProgress.Presets.shades_classic)
    this.barre?.start(total, 0, { etape: 'démarrage' })
    this.silencieux = silencieux
  }
  private readonly silencieux: boolean

  faire<T>(etape: string, travail: () => T): T {
    this.barre?.update(this.fait, { etape })
    const debut = performance.now()
    const resultat = travail()
    const ms = Math.round(performance.now() - debut)
    this.durees.push({ etape, ms })
    this.fait++
    this.barre?.update(this.fait, { etape })
    if (!this.barre && !this.silencieux) console.log(`  ✓ ${etape} (${(ms / 1000).toFixed(1)} s)`)
    return resultat
  }

  fin(): void {
    this.barre?.stop()
    if (this.barre) for (const d of this.durees) console.log(`  ✓ ${d.etape} (${(d.ms / 1000).toFixed(1)} s)`)
  }
}
