import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AccountingProduct,
  AccountingSoftwareConfig,
  SaveAccountingSoftwareConfigRequest,
} from '@passerelle/api-types';
import { Observable } from 'rxjs';

const BASE = '/api/accounting-software';

/** The software catalogue and the firm's configurations (create: any staff; update/default: admins). */
@Injectable({ providedIn: 'root' })
export class AccountingSoftwareApi {
  private readonly http = inject(HttpClient);

  catalogue(): Observable<AccountingProduct[]> {
    return this.http.get<AccountingProduct[]>(`${BASE}/catalogue`);
  }

  configs(): Observable<AccountingSoftwareConfig[]> {
    return this.http.get<AccountingSoftwareConfig[]>(`${BASE}/configs`);
  }

  create(request: SaveAccountingSoftwareConfigRequest): Observable<AccountingSoftwareConfig> {
    return this.http.post<AccountingSoftwareConfig>(`${BASE}/configs`, request);
  }

  update(id: string, request: SaveAccountingSoftwareConfigRequest): Observable<AccountingSoftwareConfig> {
    return this.http.put<AccountingSoftwareConfig>(`${BASE}/configs/${encodeURIComponent(id)}`, request);
  }

  setDefault(id: string): Observable<AccountingSoftwareConfig> {
    return this.http.post<AccountingSoftwareConfig>(
      `${BASE}/configs/${encodeURIComponent(id)}/default`,
      null,
    );
  }
}
