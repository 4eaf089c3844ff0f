/** The one error envelope of the API. */
export const erreur = <S extends 400 | 401 | 403 | 404 | 409 | 412 | 413 | 422 | 428 | 429 | 500 | 503>(status: S, error: string) => ({ ok: false as const, error, status })
