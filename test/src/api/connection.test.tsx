import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { request } from '../../../src/api/client.ts';
import { reportSuccess, useRefusal } from '../../../src/api/connection.ts';
import { createQueryClient } from '../../../src/api/query-client.ts';
import { statusQuery } from '../../../src/api/status.ts';

const revoked = { message: 'The API key you provided is invalid or has been revoked.' };

describe('the refusal the banner shows', () => {
  afterEach(() => {
    reportSuccess();
    vi.unstubAllGlobals();
  });

  it('stays after Lark Admin’s own server answers, and goes once CampaignLark answers', async () => {
    const client = createQueryClient();
    const { result } = renderHook(() => useRefusal());
    // CampaignLark refuses the key: heard at the client, whoever asked.
    vi.stubGlobal('fetch', async () => Response.json({ error: revoked }, { status: 401 }));
    await client
      .fetchQuery({ queryKey: ['fields'], queryFn: () => request('/v1/fields', { schema: z.unknown() }), retry: false })
      .catch(() => {});
    vi.unstubAllGlobals();
    await waitFor(() => expect(result.current).toEqual({ kind: 'auth', message: revoked.message }));

    await client.fetchQuery({ ...statusQuery(), queryFn: async () => ({ mode: 'live' as const }) });
    expect(result.current).toEqual({ kind: 'auth', message: revoked.message });

    await client.fetchQuery({ queryKey: ['tags'], queryFn: async () => [] });
    await waitFor(() => expect(result.current).toBeNull());
  });

  it('hears a session come back from any request that goes through, a direct one too', async () => {
    createQueryClient();
    const { result } = renderHook(() => useRefusal());
    const message = 'Your session ended. Sign in again; what you typed is kept here.';
    vi.stubGlobal('fetch', async () =>
      Response.json({ error: { message } }, { status: 401, headers: { 'x-lark-refusal': 'session' } }),
    );
    await request('/v1/contacts/by-email?email=a%40b.co', { schema: z.unknown() }).catch(() => {});
    await waitFor(() => expect(result.current).toEqual({ kind: 'session', message }));

    // A save's fresh read, made directly, after signing in again in another tab.
    vi.stubGlobal('fetch', async () => Response.json({ data: {} }));
    await request('/v1/contacts/by-email?email=a%40b.co', { schema: z.unknown() });
    await waitFor(() => expect(result.current).toBeNull());
  });
});
