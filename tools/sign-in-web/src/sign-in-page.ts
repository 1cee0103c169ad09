import { getCurrentUser, signOut } from 'aws-amplify/auth';
import { describeAuthError, describePasswordPolicy } from './messages';
import type { PageConfig } from './page-config';
import { findPageParts, type PageParts } from './page-parts';
import { Screens } from './screens';
import { wireChallengeForm, wireSignInForm } from './sign-in-forms';
import { wireConfirmSignUpForm, wireSignUpForm } from './sign-up-forms';
import type { View } from './view';

/**
 * The page's behaviour: each form calls one Amplify JS function and shows
 * the screen its answer leads to. Amplify is configured before this runs.
 */
export function startSignInPage(view: View, config: PageConfig): void {
  const page = findPageParts(view, config);
  const screens = new Screens(page);
  showFlow(page);
  wireSignInForm(page, screens);
  wireChallengeForm(page, screens);
  wireSignUpForm(page, screens);
  wireConfirmSignUpForm(page, screens);
  wireSignOut(page, screens);
  wireNavigation(page, screens);

  void getCurrentUser()
    .then(
      () => screens.signedIn(),
      () => screens.signIn(),
    )
    .catch((error: unknown) => screens.signIn(describeAuthError(error, 'sign-in'), 'error'));
}

/** Titles, texts and password fields for the flow the stack's define function runs. */
function showFlow({ view, config, fields, passwordless }: PageParts): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-mail-viewer]')) link.href = config.mailViewerUrl;
  view.element('flow-name').textContent = config.signInFlow;
  view.element('site-title').textContent = passwordless ? 'Passwordless sign-in' : 'Password and code sign-in';
  view.element('sign-in-intro').textContent = passwordless
    ? 'Enter your username and we will email you a code. No password needed.'
    : 'Enter your username and password; then we will email you a code.';
  view.element('sign-in-password-field').hidden = passwordless;
  fields.password.required = !passwordless;
  view.element('sign-in-submit').textContent = passwordless ? 'Email me a code' : 'Continue';
  // Passwordless: the pool still requires a password, so the page makes one that nobody chooses, sees or keeps.
  view.element('sign-up-password-field').hidden = passwordless;
  fields.signUpPassword.required = !passwordless;
  view.element('sign-up-password-rules').textContent = describePasswordPolicy(config.passwordPolicy);
}

function wireSignOut({ view }: PageParts, screens: Screens): void {
  view.element('sign-out').addEventListener('click', () => {
    void (async () => {
      try {
        await signOut();
        screens.signIn('You are signed out.', 'success');
      } catch (error) {
        view.say(describeAuthError(error, 'sign-out'), 'error');
      }
    })();
  });
}

/** The buttons that move between sign-in and sign-up (`data-go`). */
function wireNavigation({ view, fields }: PageParts, screens: Screens): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-go]')) {
    button.addEventListener('click', () => {
      if (button.dataset['go'] === 'sign-up') {
        view.say('');
        view.show('sign-up', fields.signUpUsername);
      } else {
        screens.signIn();
      }
    });
  }
}
