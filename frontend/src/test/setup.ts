import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

// jsdom has no Web Animations API; Designsystemet's spinner synchronises its animation through
// document.getAnimations(), so a component showing <Loading /> would throw without this.
if (typeof document.getAnimations !== 'function') {
  document.getAnimations = () => [];
}
