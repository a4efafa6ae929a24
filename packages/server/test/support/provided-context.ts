// Values global-setup.ts hands to every test file through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's embedded PostgreSQL (`…/postgres`). */
    postgresUrl: string;
    /** A directory removed after the run, for test stores' data directories. */
    scratchDir: string;
  }
}

export {};
