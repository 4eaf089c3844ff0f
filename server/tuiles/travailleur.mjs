// Entry of the tile thread (hors-fil.ts): a worker thread does not inherit the parent's TypeScript loader in Node 20.
import { register } from 'tsx/esm/api'

register()
await import('./travailleur.ts')
