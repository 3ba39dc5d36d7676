import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { reportSuccess } from '../../src/api/connection.ts';

afterEach(() => {
  cleanup();
  localStorage.clear();
  // The connection banner's state lives for the page's life; each test is a new page.
  reportSuccess();
});

// jsdom has <dialog> but not its methods; the browser suite exercises Chromium's real ones.
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
  this.dispatchEvent(new Event('close'));
};

// jsdom lays nothing out, so it has no scrolling to do; the app asks for it when it moves the focus.
Element.prototype.scrollIntoView ??= () => {};
