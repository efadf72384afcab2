/**
 * The CLI's last resort, imported first by main so it is in place before any other module loads:
 * whatever escapes (an error while loading a module, in a callback, a rejected promise nobody
 * awaited) is still one `carbon-passport: <message>` line and exit code 2, never a stack trace.
 */
import { reportError } from './io.js'

const crash = (err: unknown): never => {
  process.exitCode = reportError(err)
  process.exit()
}

process.on('uncaughtException', crash)
process.on('unhandledRejection', crash)
// A closed pipe (`carbon-passport verify … | head -1`) is not an error worth a message.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit()
  crash(err)
})
