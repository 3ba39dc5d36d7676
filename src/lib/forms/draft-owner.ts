/**
 * Whose drafts this page keeps and reads: the person signed in, set once they are known (before
 * any form shows). A draft kept for someone else at this browser is neither shown nor counted.
 * Kept apart from drafts.ts, so the first page carries only this.
 */
let owner = '';

export function setDraftOwner(personId: string) {
  owner = personId;
}

export const draftOwner = () => owner;
