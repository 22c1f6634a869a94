'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Lang } from '@/lib/i18n/format';
import { translate } from '@/lib/i18n/messages';
import { PHR_SOURCE } from '@/lib/phr/source-codes';
import type { PhrClientAnswer, PhrPostResult } from '@/lib/phr/answer';
import { queryKeys } from '@/lib/timeline/query-keys';
import type { HospitalView } from '@/lib/timeline/types';

const NO_VIEWS: HospitalView[] = [];

export interface PhrState {
  answer: PhrClientAnswer | undefined;
  loading: boolean;
  failed: boolean;
  /** Mor Prom's answers, shaped like a hospital's, for the page to merge with Health Link's. */
  views: HospitalView[];
  /** Display names of the Mor Prom sources (`phr:<hcode>`, `phr`). */
  names: Record<string, string>;
  post: (body: { action: 'request' } | { action: 'verify'; code: string }) => Promise<PhrPostResult>;
  refetch: () => void;
}

/**
 * The access's Mor Prom (MOPH-PHR) state and answers, from /api/access/{id}/phr: a separate data path
 * from the hospitals' stream, so the record page only adds its views to the ones it merges.
 */
export function usePhr(accessId: string, lang: Lang, hospitalNames: Record<string, string>): PhrState {
  const queryClient = useQueryClient();
  const key = [...queryKeys.access(accessId), 'phr'] as const;
  const query = useQuery({
    queryKey: key,
    queryFn: async (): Promise<PhrClientAnswer> => {
      const res = await fetch(`/api/access/${accessId}/phr`, { cache: 'no-store' });
      if (res.status === 401 || res.status === 403) window.location.assign('/login?ended=revoked');
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as PhrClientAnswer;
    },
    retry: false,
  });
  const answer = query.data;
  const views = answer?.state === 'granted' ? answer.views : NO_VIEWS;
  const names = useMemo(() => {
    const out: Record<string, string> = {};
    if (answer?.state !== 'granted') return out;
    for (const f of answer.facilities) {
      out[f.code] =
        f.hcode === null ? translate(lang, 'phr.summarySource') : translate(lang, 'phr.source', { name: hospitalNames[f.hcode] ?? f.name });
    }
    out[PHR_SOURCE] ??= translate(lang, 'phr.summarySource');
    return out;
  }, [answer, lang, hospitalNames]);

  async function post(body: { action: 'request' } | { action: 'verify'; code: string }): Promise<PhrPostResult> {
    const res = await fetch(`/api/access/${accessId}/phr`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status === 401 || res.status === 403) window.location.assign('/login?ended=revoked');
    const result = res.ok ? ((await res.json()) as PhrPostResult) : ({ ok: false, reason: 'unavailable' } as const);
    await queryClient.invalidateQueries({ queryKey: key });
    return result;
  }

  return {
    answer,
    loading: query.isFetching,
    failed: query.isError,
    views,
    names,
    post,
    refetch: () => void query.refetch(),
  };
}
