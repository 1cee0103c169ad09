import type { PageConfig } from './page-config';
import { ResendCountdown } from './resend-countdown';
import type { View } from './view';

/** The page's four forms. */
export interface Forms {
  readonly signIn: HTMLFormElement;
  readonly challenge: HTMLFormElement;
  readonly signUp: HTMLFormElement;
  readonly confirmSignUp: HTMLFormElement;
}

/** The fields the forms read and the screens fill or clear. */
export interface Fields {
  readonly username: HTMLInputElement;
  readonly password: HTMLInputElement;
  readonly code: HTMLInputElement;
  readonly signUpUsername: HTMLInputElement;
  readonly signUpEmail: HTMLInputElement;
  readonly signUpPassword: HTMLInputElement;
  readonly confirmUsername: HTMLInputElement;
  readonly confirmCode: HTMLInputElement;
}

/** What every part of the page works with: the DOM, the stack's configuration, and the resend button's countdown. */
export interface PageParts {
  readonly view: View;
  readonly config: PageConfig;
  /** SIGN_IN_FLOW=passwordless: no password field anywhere. */
  readonly passwordless: boolean;
  readonly forms: Forms;
  readonly fields: Fields;
  readonly resend: ResendCountdown;
}

/** Finds the page's elements (a missing one throws, naming its id). */
export function findPageParts(view: View, config: PageConfig): PageParts {
  return {
    view,
    config,
    passwordless: config.signInFlow === 'passwordless',
    forms: {
      signIn: view.element<HTMLFormElement>('sign-in-form'),
      challenge: view.element<HTMLFormElement>('challenge-form'),
      signUp: view.element<HTMLFormElement>('sign-up-form'),
      confirmSignUp: view.element<HTMLFormElement>('confirm-sign-up-form'),
    },
    fields: {
      username: view.input('sign-in-username'),
      password: view.input('sign-in-password'),
      code: view.input('challenge-code'),
      signUpUsername: view.input('sign-up-username'),
      signUpEmail: view.input('sign-up-email'),
      signUpPassword: view.input('sign-up-password'),
      confirmUsername: view.input('confirm-sign-up-username'),
      confirmCode: view.input('confirm-sign-up-code'),
    },
    resend: new ResendCountdown(view.element<HTMLButtonElement>('challenge-resend'), view.element('challenge-resend-note')),
  };
}
