// A bare node:http server answering every request with the bytes of HTML_FILE (the baseline for page rps).
import { readFileSync } from 'node:fs'
import http from 'node:http'

const body = readFileSync(process.env.HTML_FILE)
http
  .createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length })
    res.end(body)
  })
  .listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1')
