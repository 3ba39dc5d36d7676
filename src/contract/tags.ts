export const TAG_NAME_MAX_LENGTH = 64;
export const TAG_DESCRIPTION_MAX_LENGTH = 96;

/** GET /v1/tags paging. */
export const TAG_PAGE_LIMIT = { min: 1, max: 100, default: 50 } as const;
