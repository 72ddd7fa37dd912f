/** Cases room: the expiry of the break-glass grants this tab opened (the case read names the
 * grant, the grant itself says when it ends). */
const expiries = new Map<string, string>();

export function rememberGrant(id: string, expiresAt: string): void {
  expiries.set(id, expiresAt);
}

export function grantExpiry(id: string): string | undefined {
  return expiries.get(id);
}
