import {
  confirmSignIn,
  confirmSignUp,
  fetchAuthSession,
  getCurrentUser,
  resendSignUpCode,
  signIn,
  signOut,
  signUp,
  type SignInOutput,
} from 'aws-amplify/auth';
import { generateSignUpPassword } from '@cognito-passwordless/client-config';
import { RESEND_METADATA_KEY, RESEND_METADATA_VALUE } from '@cognito-passwordless/contract';
import { claimRows } from './claims';
import { describeAuthError, describePasswordPolicy, MESSAGES, readChallenge, wrongCodeMessage, type ChallengeView } from './messages';
import type { PageConfig } from './page-config';
import { ResendCountdown } from './resend-countdown';
import type { Tone, View } from './view';

/** The browser's CSPRNG. */
function fillRandom(bytes: Uint8Array): void {
  crypto.getRandomValues(bytes);
}

/**
 * The page's behaviour: each form calls one Amplify JS function and shows
 * the screen its answer leads to. Amplify is configured before this runs.
 */
export function startSignInPage(view: View, config: PageConfig): void {
  const passwordless = config.signInFlow === 'passwordless';
  const forms = {
    signIn: view.element<HTMLFormElement>('sign-in-form'),
    challenge: view.element<HTMLFormElement>('challenge-form'),
    signUp: view.element<HTMLFormElement>('sign-up-form'),
    confirmSignUp: view.element<HTMLFormElement>('confirm-sign-up-form'),
  };
  const fields = {
    username: view.input('sign-in-username'),
    password: view.input('sign-in-password'),
    code: view.input('challenge-code'),
    signUpUsername: view.input('sign-up-username'),
    signUpEmail: view.input('sign-up-email'),
    signUpPassword: view.input('sign-up-password'),
    confirmUsername: view.input('confirm-sign-up-username'),
    confirmCode: view.input('confirm-sign-up-code'),
  };

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

  const showSignIn = (message = '', tone: Tone = 'info') => {
    fields.password.value = '';
    resend.stop();
    view.say(message, tone);
    const focus = fields.username.value === '' ? fields.username : passwordless ? view.element('sign-in-submit') : fields.password;
    view.show('sign-in', focus);
  };

  const resend = new ResendCountdown(view.element<HTMLButtonElement>('challenge-resend'), view.element('challenge-resend-note'));

  const showChallenge = (challenge: ChallengeView, afterWrongAnswer: boolean) => {
    view.element('challenge-hint').textContent = challenge.hint;
    // A resend also revives a sign-in whose code expired, so the button stays.
    resend.start(challenge.resendAfterSeconds);
    fields.code.value = '';
    // An expired code cannot pass any more: a new code (resend) or a new sign-in helps, which the message says.
    forms.challenge.hidden = challenge.expired;
    view.element('challenge-hint').hidden = challenge.expired;
    view.say(afterWrongAnswer || challenge.expired ? wrongCodeMessage(challenge) : '', 'error');
    view.show('challenge', challenge.expired ? view.element('challenge-restart') : fields.code);
  };

  const showConfirmSignUp = (username: string, intro: string, message = '', tone: Tone = 'info') => {
    fields.confirmUsername.value = username;
    fields.confirmCode.value = '';
    view.element('confirm-sign-up-intro').textContent = intro;
    view.say(message, tone);
    view.show('confirm-sign-up', fields.confirmCode);
  };

  const showSignedIn = async (message = '') => {
    const [user, session] = await Promise.all([getCurrentUser(), fetchAuthSession()]);
    view.element('signed-in-username').textContent = user.username;
    const rows = view.element('claims');
    rows.replaceChildren(
      ...claimRows(session.tokens?.idToken?.payload ?? {}).map(([name, value]) => {
        const row = document.createElement('tr');
        for (const text of [name, value]) row.appendChild(document.createElement('td')).textContent = text;
        return row;
      }),
    );
    view.say(message, 'success');
    view.show('signed-in');
  };

  const followSignInStep = async (output: SignInOutput, afterAnswer: boolean) => {
    const step = output.nextStep;
    switch (step.signInStep) {
      case 'DONE':
        return showSignedIn('You are signed in.');
      case 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE':
        return showChallenge(readChallenge(step.additionalInfo), afterAnswer);
      case 'CONFIRM_SIGN_UP':
        return showConfirmSignUp(
          fields.username.value.trim(),
          'Enter the code from the verification email we sent when you signed up, or send a new one.',
          'Your email address is not confirmed yet.',
          'error',
        );
      default:
        view.say(`This account needs a step this page does not offer (${step.signInStep}).`, 'error');
    }
  };

  forms.signIn.addEventListener('submit', (event) => {
    event.preventDefault();
    void view.busy(forms.signIn, async () => {
      const username = fields.username.value.trim();
      try {
        const output = passwordless
          ? await signIn({ username, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } })
          : await signIn({ username, password: fields.password.value, options: { authFlowType: 'CUSTOM_WITH_SRP' } });
        await followSignInStep(output, false);
      } catch (error) {
        if ((error as Error).name === 'UserAlreadyAuthenticatedException') return showSignedIn('You are already signed in.');
        fields.password.value = '';
        view.say(describeAuthError(error, 'sign-in'), 'error');
        (passwordless ? fields.username : fields.password).focus();
      }
    });
  });

  /** Answers the code round; a failure other than an unreachable endpoint ends the session. */
  const answerChallenge = (answer: () => Promise<void>) =>
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
        showSignIn(message, 'error');
      }
    });

  forms.challenge.addEventListener('submit', (event) => {
    event.preventDefault();
    void answerChallenge(async () => followSignInStep(await confirmSignIn({ challengeResponse: fields.code.value.trim() }), true));
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
      if (output.nextStep.signInStep !== 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE') return followSignInStep(output, false);
      const challenge = readChallenge(output.nextStep.additionalInfo);
      showChallenge(challenge, false);
      // The hint says whether a new code was sent or how long to wait; the live region reads it out.
      view.say(challenge.hint, 'info');
    });
  });

  forms.signUp.addEventListener('submit', (event) => {
    event.preventDefault();
    void view.busy(forms.signUp, async () => {
      const username = fields.signUpUsername.value.trim();
      try {
        const output = await signUp({
          username,
          password: passwordless ? generateSignUpPassword(fillRandom) : fields.signUpPassword.value,
          options: { userAttributes: { email: fields.signUpEmail.value.trim() } },
        });
        fields.signUpPassword.value = '';
        if (output.nextStep.signUpStep === 'CONFIRM_SIGN_UP') {
          const to = output.nextStep.codeDeliveryDetails.destination ?? 'your email address';
          showConfirmSignUp(username, `We sent a verification code to ${to}. Enter it to confirm your email address.`);
        } else {
          fields.username.value = username;
          showSignIn('Your account is ready. Sign in.', 'success');
        }
      } catch (error) {
        const name = (error as Error).name;
        view.say(describeAuthError(error, 'sign-up'), 'error');
        (name === 'UsernameExistsException' ? fields.signUpUsername : name === 'InvalidPasswordException' ? fields.signUpPassword : fields.signUpEmail).focus();
      }
    });
  });

  forms.confirmSignUp.addEventListener('submit', (event) => {
    event.preventDefault();
    void view.busy(forms.confirmSignUp, async () => {
      const username = fields.confirmUsername.value.trim();
      try {
        await confirmSignUp({ username, confirmationCode: fields.confirmCode.value.trim() });
        fields.username.value = username;
        showSignIn(passwordless ? 'Your email address is confirmed. Sign in with a code.' : 'Your email address is confirmed. Sign in.', 'success');
      } catch (error) {
        view.say(describeAuthError(error, 'confirm-sign-up'), 'error');
        fields.confirmCode.select();
        fields.confirmCode.focus();
      }
    });
  });

  view.element('resend-sign-up-code').addEventListener('click', () => {
    void view.busy(forms.confirmSignUp, async () => {
      try {
        const details = await resendSignUpCode({ username: fields.confirmUsername.value.trim() });
        view.say(`We sent a new code to ${details.destination ?? 'your email address'}.`, 'info');
        fields.confirmCode.value = '';
        fields.confirmCode.focus();
      } catch (error) {
        view.say(describeAuthError(error, 'resend-sign-up-code'), 'error');
      }
    });
  });

  view.element('sign-out').addEventListener('click', () => {
    void (async () => {
      try {
        await signOut();
        showSignIn('You are signed out.', 'success');
      } catch (error) {
        view.say(describeAuthError(error, 'sign-out'), 'error');
      }
    })();
  });

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-go]')) {
    button.addEventListener('click', () => {
      if (button.dataset['go'] === 'sign-up') {
        view.say('');
        view.show('sign-up', fields.signUpUsername);
      } else {
        showSignIn();
      }
    });
  }

  void getCurrentUser()
    .then(
      () => showSignedIn(),
      () => showSignIn(),
    )
    .catch((error: unknown) => showSignIn(describeAuthError(error, 'sign-in'), 'error'));
}
