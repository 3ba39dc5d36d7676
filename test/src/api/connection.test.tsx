import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/client.ts';
import { reportSuccess, useRefusal } from '../../../src/api/connection.ts';
import { createQueryClient } from '../../../src/api/query-client.ts';
import { statusQuery } from '../../../src/api/status.ts';

const revoked = new ApiError('auth', 401, 'The API key you provided is invalid or has been revoked.');

describe('the refusal the banner shows', () => {
  afterEach(() => reportSuccess());

  it('stays after Lark Admin’s own server answers, and goes once CampaignLark answers', async () => {
    const client = createQueryClient();
    const { result } = renderHook(() => useRefusal());
    await client
      .fetchQuery({ queryKey: ['fields'], queryFn: () => Promise.reject(revoked), retry: false })
      .catch(() => {});
    await waitFor(() => expect(result.current).toEqual({ kind: 'auth', message: revoked.message }));

    await client.fetchQuery({ ...statusQuery(), queryFn: async () => ({ mode: 'live' as const }) });
    expect(result.current).toEqual({ kind: 'auth', message: revoked.message });

    await client.fetchQuery({ queryKey: ['tags'], queryFn: async () => [] });
    await waitFor(() => expect(result.current).toBeNull());
  });
});
