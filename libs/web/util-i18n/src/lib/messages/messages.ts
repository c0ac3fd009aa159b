/** A message tree of the same shape as `T`, every leaf a string (used to type `en` from `fr`). */
export type Messages<T> = {
  [K in keyof T]: T[K] extends string ? string : Messages<T[K]>;
};

/** Dotted paths to the string leaves of a message tree: `'nav.clients'`, `'auth.login.title'`… */
export type MessageKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];
