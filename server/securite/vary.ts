/** Adds `champ` to a response's Vary header, keeping what other layers put there (never duplicated, `*` left alone). */
export function ajouterVary(entetes: Headers, champ: string): void {
  const vary = entetes.get('Vary')
  if (vary === null || vary.trim() === '') entetes.set('Vary', champ)
  else if (vary.trim() !== '*' && !vary.split(',').some((v) => v.trim().toLowerCase() === champ.toLowerCase())) entetes.set('Vary', `${vary}, ${champ}`)
}
