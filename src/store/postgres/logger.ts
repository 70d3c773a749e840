/** The part of a pino logger the adapter uses; any pino logger fits. */
export interface StoreLogger {
  debug(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export const silentLogger: StoreLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}
