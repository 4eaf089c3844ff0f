import { readFileSync } from 'node:fs'

/** Resident memory of a process, in MB, read from /proc (Linux). */
export const rssMo = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024
