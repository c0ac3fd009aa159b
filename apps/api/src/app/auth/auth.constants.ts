export const SESSION_COOKIE = 'psl_session';
/** Read by Angular's HttpClient, which echoes it in the X-XSRF-TOKEN header on mutating requests. */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
