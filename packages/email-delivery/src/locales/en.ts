import type { LocalePhrases } from './locale-phrases';

export const en: LocalePhrases = {
  subject: (app) => (app ? `Your ${app} sign-in code` : 'Your sign-in code'),
  heading: (app) => (app ? `Sign in to ${app}` : 'Your sign-in code'),
  intro: 'Enter this code to sign in:',
  validFor: (minutes) => `It is valid for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
  doNotShare: 'Do not share this code with anyone. We will never ask you for it.',
  notYou: 'If you did not try to sign in, you can ignore this email.',
};
