/** Messages between the API process and an import thread. */
export interface ThreadRequest {
  id: number;
  method: string;
  args: unknown;
}

export type ThreadResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code?: string; hint?: string } };
