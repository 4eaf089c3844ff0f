import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'
import { z } from 'zod'
import { valider } from './validation.ts'

/** Swagger UI, served from its npm package: the documentation works offline and loads nothing from another site. */
const DOSSIER_SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

// No inline script (the CSP of /api/docs has none): Swagger UI starts from this file. validatorUrl null: the
// default sends the document to validator.swagger.io.
const INITIALISATION = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#documentation', deepLinking: true, validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout', defaultModelsExpandDepth: 0 })
})
`

const PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API de Maillage — documentation</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
<div id="documentation"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/initialisation.js"></script>
</body>
</html>
`

const FICHIERS = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', lire: () => readFileSync(join(DOSSIER_SWAGGER_UI, 'swagger-ui.css'), 'utf8') },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', lire: () => readFileSync(join(DOSSIER_SWAGGER_UI, 'swagger-ui-bundle.js'), 'utf8') },
  'initialisation.js': { type: 'text/javascript; charset=utf-8', lire: () => INITIALISATION },
} as const

export const FichierDocumentation = z.object({
  fichier: z.enum(Object.keys(FICHIERS) as [keyof typeof FICHIERS], { error: `fichier inconnu ; fichiers servis : ${Object.keys(FICHIERS).join(', ')}` }),
})

/**
 * GET /api/openapi.json (the contract, built once per server from the zod schemas) and /api/docs, the page that renders it.
 * The page's CSP is its own (server/securite/entetes.ts): Swagger UI sets inline styles.
 */
export const documentationRoutes = (document: () => unknown) => {
  let json: string | undefined
  const contenus = new Map<string, string>()
  return new Hono()
    .get('/openapi.json', (c) => {
      json ??= JSON.stringify(document())
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' })
    })
    .get('/docs', (c) => c.html(PAGE, 200))
    .get('/docs/:fichier', valider('param', FichierDocumentation), (c) => {
      const { fichier } = c.req.valid('param')
      const { type, lire } = FICHIERS[fichier]
      let texte = contenus.get(fichier)
      if (texte === undefined) contenus.set(fichier, (texte = lire()))
      return c.body(texte, 200, { 'Content-Type': type })
    })
}
