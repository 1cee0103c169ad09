import type { LocalePhrases } from './locale-phrases';

// French puts a no-break space before ":".
export const fr: LocalePhrases = {
  subject: (app) => (app ? `Votre code de connexion à ${app}` : 'Votre code de connexion'),
  heading: (app) => (app ? `Connexion à ${app}` : 'Votre code de connexion'),
  intro: 'Saisissez ce code pour vous connecter\u00a0:',
  validFor: (minutes) => `Il est valable ${minutes}\u00a0${minutes === 1 ? 'minute' : 'minutes'}.`,
  doNotShare: 'Ne communiquez ce code à personne. Nous ne vous le demanderons jamais.',
  notYou: 'Si vous n’avez pas essayé de vous connecter, ignorez simplement cet e-mail.',
};
