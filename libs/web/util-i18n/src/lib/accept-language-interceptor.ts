import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { I18n } from './i18n';

/** Sends the UI language so that the API answers (errors included) in the user's language. */
export const acceptLanguageInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.headers.has('Accept-Language')) return next(req);
  return next(req.clone({ setHeaders: { 'Accept-Language': inject(I18n).lang() } }));
};
