// Entry of the 2SFCA thread (fil-accessibilite.ts): a worker thread does not inherit the parent's TypeScript loader in Node 20.
import { register } from 'tsx/esm/api'

register()
await import('./fil-accessibilite-travailleur.ts')
