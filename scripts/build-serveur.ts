import { join, resolve } from 'node:path'
import { construireServeur } from './assurer-serveur.ts'

/** npm run build:serveur: compiles the server into dist/serveur (what `npm start` and `node dist/serveur/main.js` run). */
const dossier = join(resolve(import.meta.dirname, '..'), 'dist/serveur')
await construireServeur(dossier)
console.log(`Serveur compilé dans ${dossier} : lancez « node --enable-source-maps ${join(dossier, 'main.js')} ».`)
