/** The two databases the desk runs on. */
export type Dialect = 'sqlite' | 'postgres';
