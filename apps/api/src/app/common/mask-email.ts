/**
 * `karim.idrissi@atlas.ma` → `k•••@atlas.ma`: enough for the holder of a link to recognise their address,
 * not enough for whoever finds the link to learn it.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${[...email.slice(0, at)][0]}•••${email.slice(at)}`;
}
