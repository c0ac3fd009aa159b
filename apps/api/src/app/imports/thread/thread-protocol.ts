/** Messages between the API process and an import thread. */
export interface ThreadRequest {
  id: number;
  method: string;
  args: unknown;
}

export type ThreadResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code?: string; hint?: string } };

/**
 * The buffers a result may give away rather than copy: a Uint8Array result, or one in a property of the
 * result, that is the sole view of its whole buffer (never a slice of Node's shared pool).
 */
export function ownBuffers(result: unknown): ArrayBuffer[] {
  const values =
    result instanceof Uint8Array
      ? [result]
      : result && typeof result === 'object'
        ? Object.values(result)
        : [];
  return values.flatMap((value) =>
    value instanceof Uint8Array &&
    value.buffer instanceof ArrayBuffer &&
    value.byteOffset === 0 &&
    value.byteLength === value.buffer.byteLength
      ? [value.buffer]
      : [],
  );
}
