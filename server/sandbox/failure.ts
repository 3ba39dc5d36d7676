import { messages } from '../../src/contract/messages.ts';

/** A refusal the sandbox answers with, in the API's envelope: `{"error": {"message"}}`. */
export class ApiFailure extends Error {
  readonly status: 400 | 404 | 429;

  constructor(status: 400 | 404 | 429, message: string) {
    super(message);
    this.status = status;
  }
}

export const refuse = (message: string) => new ApiFailure(400, message);
export const notFound = (message: string) => new ApiFailure(404, message);
export const validationError = () => refuse(messages.validation);

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPositiveInteger(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

/** A path id that is a whole positive number (fields and tags), or null. */
export function integerId(raw: string): number | null {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
}
