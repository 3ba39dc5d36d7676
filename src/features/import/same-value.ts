/** Equal as CampaignLark stores them: a number sent as 42 and stored as "42" is the same value. */
export function isDeepStrictEqualish(stored: unknown, sent: unknown): boolean {
  if (Array.isArray(stored) && Array.isArray(sent))
    return stored.length === sent.length && stored.every((item) => sent.map(String).includes(String(item)));
  return String(stored) === String(sent);
}
