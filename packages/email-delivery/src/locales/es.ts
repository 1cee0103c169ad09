import type { LocalePhrases } from './locale-phrases';

export const es: LocalePhrases = {
  subject: (app) => (app ? `Tu código para iniciar sesión en ${app}` : 'Tu código para iniciar sesión'),
  heading: (app) => (app ? `Inicia sesión en ${app}` : 'Tu código para iniciar sesión'),
  intro: 'Escribe este código para iniciar sesión:',
  validFor: (minutes) => `Es válido durante ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}.`,
  doNotShare: 'No compartas este código con nadie. Nunca te lo pediremos.',
  notYou: 'Si no intentaste iniciar sesión, puedes ignorar este correo.',
};
