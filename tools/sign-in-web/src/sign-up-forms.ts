import { confirmSignUp, resendSignUpCode, signUp } from 'aws-amplify/auth';
import { generateSignUpPassword } from '@cognito-passwordless/client-config';
import { describeAuthError } from './messages';
import type { PageParts } from './page-parts';
import type { Screens } from './screens';

/** The browser's CSPRNG. */
function fillRandom(bytes: Uint8Array): void {
  crypto.getRandomValues(bytes);
}

/** The sign-up form: passwordless, it sends a generated password that nobody chooses, sees or keeps. */
export function wireSignUpForm({ view, forms, fields, passwordless }: PageParts, screens: Screens): void {
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
          screens.confirmSignUp(username, `We sent a verification code to ${to}. Enter it to confirm your email address.`);
        } else {
          fields.username.value = username;
          screens.signIn('Your account is ready. Sign in.', 'success');
        }
      } catch (error) {
        const name = (error as Error).name;
        view.say(describeAuthError(error, 'sign-up'), 'error');
        (name === 'UsernameExistsException' ? fields.signUpUsername : name === 'InvalidPasswordException' ? fields.signUpPassword : fields.signUpEmail).focus();
      }
    });
  });
}

/** The confirm screen: its form confirms the email address, its link sends a new verification code. */
export function wireConfirmSignUpForm({ view, forms, fields, passwordless }: PageParts, screens: Screens): void {
  forms.confirmSignUp.addEventListener('submit', (event) => {
    event.preventDefault();
    void view.busy(forms.confirmSignUp, async () => {
      const username = fields.confirmUsername.value.trim();
      try {
        await confirmSignUp({ username, confirmationCode: fields.confirmCode.value.trim() });
        fields.username.value = username;
        screens.signIn(passwordless ? 'Your email address is confirmed. Sign in with a code.' : 'Your email address is confirmed. Sign in.', 'success');
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
}
