/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe (OWASP "CSV injection"). Plain numbers and telephone numbers ("+33…", "-1.5") cannot carry a formula and
 * are left as they are, so that a file in a published schéma stays valid. One home for the server's exports and the
 * scenario file the client builds.
 */
export function protegerFormule(texte: string): string {
  return /^[=+\-@\t\r]/.test(texte) && !/^[+-]?[\d\s.,]+$/.test(texte) ? `'${texte}` : texte
}
