import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DashboardDto } from '@passerelle/api-types';
import { Observable } from 'rxjs';

/** GET /api/dashboard: the firm at a glance (counts per status, recent activity, what needs attention). */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  get(): Observable<DashboardDto> {
    return this.http.get<DashboardDto>('/api/dashboard');
  }
}
