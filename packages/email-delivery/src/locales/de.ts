import type { LocalePhrases } from './locale-phrases';

export const de: LocalePhrases = {
  subject: (app) => (app ? `Ihr Anmeldecode für ${app}` : 'Ihr Anmeldecode'),
  heading: (app) => (app ? `Bei ${app} anmelden` : 'Ihr Anmeldecode'),
  intro: 'Geben Sie diesen Code ein, um sich anzumelden:',
  validFor: (minutes) => `Der Code ist ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} lang gültig.`,
  doNotShare: 'Geben Sie den Code nicht weiter. Wir fragen Sie nie danach.',
  notYou: 'Wenn Sie sich nicht anmelden wollten, können Sie diese E-Mail ignorieren.',
};
