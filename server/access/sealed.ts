/**
 * Cookie values sealed with SESSION_SECRET: encrypted and authenticated together (a JWE, A256GCM,
 * with jose), so the browser can neither read nor alter what it carries. Each purpose has its own
 * key, derived from the secret, so a value sealed for one cookie is no good in another.
 */
import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

export type Purpose = 'session' | 'sign-in' | 'signed-out';

export interface Sealer {
  seal(payload: Record<string, unknown>, lifetimeSeconds: number): Promise<string>;
  /** The payload, or null when the value is not one this server sealed for this purpose, or has expired. */
  open(value: string | undefined): Promise<Record<string, unknown> | null>;
}

export function createSealer(secret: string, purpose: Purpose): Sealer {
  const key = new Uint8Array(hkdfSync('sha256', secret, 'lark-admin', `cookie:${purpose}`, 32));
  return {
    seal: (payload, lifetimeSeconds) =>
      new EncryptJWT(payload)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .encrypt(key),
    async open(value) {
      if (!value || value.length > 4096) return null;
      try {
        const { payload } = await jwtDecrypt(value, key, {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
        });
        return payload as Record<string, unknown>;
      } catch {
        return null;
      }
    },
  };
}
