import { confirmSignIn, signIn } from 'aws-amplify/auth';
import { RESEND_METADATA_KEY, RESEND_METADATA_VALUE } from '@cognito-passwordless/contract';
import { describeAuthError, MESSAGES, readChallenge } from './messages';
import type { PageParts } from './page-parts';
import type { Screens } from './screens';

/** The sign-in form: starts CUSTOM_AUTH (with SRP first in the password-then-code flow). */
export function wireSignInForm(page: PageParts, screens: Screens): void {
  const { view, forms, fields, passwordless } = page;
  forms.signIn.addEventListener('submit', (event) => {
    event.preventDefault();
    void view.busy(forms.signIn, async () => {
      const username = fields.username.value.trim();
      try {
        const output = passwordless
          ? await signIn({ username, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } })
          : await signIn({ username, password: fields.password.value, options: { authFlowType: 'CUSTOM_WITH_SRP' } });
        await screens.followSignInStep(output, false);
      } catch (error) {
        if ((error as Error).name === 'UserAlreadyAuthenticatedException') return screens.signedIn('You are already signed in.');
        fields.password.value = '';
        view.say(describeAuthError(error, 'sign-in'), 'error');
        (passwordless ? fields.username : fields.password).focus();
      }
    });
  });
}

/** The code screen: its form answers the challenge, its resend button asks for a new code. */
export function wireChallengeForm(page: PageParts, screens: Screens): void {
  const { view, forms, fields, resend } = page;
  const answerChallenge = challengeAnswerer(page, screens);
  forms.challenge.addEventListener('submit', (event) => {
    event.preventDefault();
    void answerChallenge(async () => screens.followSignInStep(await confirmSignIn({ challengeResponse: fields.code.value.trim() }), true));
  });

  view.element('challenge-resend').addEventListener('click', () => {
    if (forms.challenge.getAttribute('aria-busy') === 'true') return;
    resend.hold();
    void answerChallenge(async () => {
      // The answer text is ignored; the client metadata asks the triggers for a new code.
      const output = await confirmSignIn({
        challengeResponse: RESEND_METADATA_VALUE,
        options: { clientMetadata: { [RESEND_METADATA_KEY]: RESEND_METADATA_VALUE } },
      });
      if (output.nextStep.signInStep !== 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE') return screens.followSignInStep(output, false);
      const challenge = readChallenge(output.nextStep.additionalInfo);
      screens.challenge(challenge, false);
      // The hint says whether a new code was sent or how long to wait; the live region reads it out.
      view.say(challenge.hint, 'info');
    });
  });
}

/** Answers the code round; a failure other than an unreachable endpoint ends the session. */
function challengeAnswerer({ view, forms, fields, resend }: PageParts, screens: Screens): (answer: () => Promise<void>) => Promise<void> {
  return (answer) =>
    view.busy(forms.challenge, async () => {
      try {
        await answer();
      } catch (error) {
        const message = describeAuthError(error, 'code');
        // Unreachable endpoint: the session may still be alive, so let them retry the same code.
        if (message === MESSAGES.unreachable) {
          resend.resume();
          view.say(message, 'error');
          fields.code.focus();
          return;
        }
        // Any other failure ends the session: the next try is a new sign-in.
        screens.signIn(message, 'error');
      }
    });
}
