// Entry of a pool worker: a worker thread does not inherit the parent's TypeScript loader in Node 20, so it
// registers tsx itself, then loads the worker proper (travailleur.ts), whose top-level await loads the data.
import { register } from 'tsx/esm/api'

register()
const { default: executer } = await import('./travailleur.ts')
export default executer
