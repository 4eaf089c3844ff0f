// The floor of `npm run bench:load`: Node's http module answering every request with the same bytes (as many as a
// nearest-lieux answer), no framework, no work. No server of ours can do better under the same load on this machine.
import { createServer } from 'node:http'

const taille = Number(process.argv[2])
if (!Number.isInteger(taille) || taille < 1) throw new Error(`serveur-plancher: taille de réponse invalide : ${process.argv[2]}`)
const corps = Buffer.alloc(taille, 'x')
createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': taille })
  res.end(corps)
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('prêt'))
