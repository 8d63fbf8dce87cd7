import bcrypt from 'bcryptjs'
import { hashPassword, ONE_TIME_SCRYPT, verifyPassword } from '~/server/password-hash.server'
const n = 200
let t = performance.now(); let c = process.cpuUsage()
for (let i = 0; i < n; i++) await bcrypt.hash('ABCD-EFGH-JKL' + i, 4)
let cu = process.cpuUsage(c); console.log('bcrypt4 seq', ((performance.now() - t) / n).toFixed(2), 'ms wall/hash', ((cu.user + cu.system) / 1000 / n).toFixed(2), 'ms cpu')
t = performance.now(); c = process.cpuUsage()
for (let i = 0; i < n; i++) await hashPassword('ABCD-EFGH-JKL' + i, ONE_TIME_SCRYPT)
cu = process.cpuUsage(c); console.log('scrypt10 seq', ((performance.now() - t) / n).toFixed(2), 'ms wall/hash', ((cu.user + cu.system) / 1000 / n).toFixed(2), 'ms cpu')
t = performance.now(); c = process.cpuUsage()
await Promise.all(Array.from({ length: n }, (_, i) => hashPassword('ABCD-EFGH-JKL' + i, ONE_TIME_SCRYPT)))
cu = process.cpuUsage(c); console.log('scrypt10 parallel', ((performance.now() - t) / n).toFixed(2), 'ms wall/hash', ((cu.user + cu.system) / 1000 / n).toFixed(2), 'ms cpu')
