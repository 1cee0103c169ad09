import { fetchAuthSession, getCurrentUser, type SignInOutput } from 'aws-amplify/auth';
import { claimRows } from './claims';
import { readChallenge, wrongCodeMessage, type ChallengeView } from './messages';
import type { PageParts } from './page-parts';
import type { Tone } from './view';

/** The page's screens: each fills its fields, says its message and moves focus into it. */
export class Screens {
  constructor(private readonly page: PageParts) {}

  signIn(message = '', tone: Tone = 'info'): void {
    const { view, fields, resend, passwordless } = this.page;
    fields.password.value = '';
    resend.stop();
    view.say(message, tone);
    const focus = fields.username.value === '' ? fields.username : passwordless ? view.element('sign-in-submit') : fields.password;
    view.show('sign-in', focus);
  }

  challenge(challenge: ChallengeView, afterWrongAnswer: boolean): void {
    const { view, forms, fields, resend } = this.page;
    view.element('challenge-hint').textContent = challenge.hint;
    // A resend also revives a sign-in whose code expired, so the button stays.
    resend.start(challenge.resendAfterSeconds);
    fields.code.value = '';
    // An expired code cannot pass any more: a new code (resend) or a new sign-in helps, which the message says.
    forms.challenge.hidden = challenge.expired;
    view.element('challenge-hint').hidden = challenge.expired;
    view.say(afterWrongAnswer || challenge.expired ? wrongCodeMessage(challenge) : '', 'error');
    view.show('challenge', challenge.expired ? view.element('challenge-restart') : fields.code);
  }

  confirmSignUp(username: string, intro: string, message = '', tone: Tone = 'info'): void {
    const { view, fields } = this.page;
    fields.confirmUsername.value = username;
    fields.confirmCode.value = '';
    view.element('confirm-sign-up-intro').textContent = intro;
    view.say(message, tone);
    view.show('confirm-sign-up', fields.confirmCode);
  }

  async signedIn(message = ''): Promise<void> {
    const { view } = this.page;
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
  }

  /** The screen Amplify's next sign-in step leads to. */
  async followSignInStep(output: SignInOutput, afterAnswer: boolean): Promise<void> {
    const step = output.nextStep;
    switch (step.signInStep) {
      case 'DONE':
        return this.signedIn('You are signed in.');
      case 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE':
        return this.challenge(readChallenge(step.additionalInfo), afterAnswer);
      case 'CONFIRM_SIGN_UP':
        return this.confirmSignUp(
          this.page.fields.username.value.trim(),
          'Enter the code from the verification email we sent when you signed up, or send a new one.',
          'Your email address is not confirmed yet.',
          'error',
        );
      default:
        this.page.view.say(`This account needs a step this page does not offer (${step.signInStep}).`, 'error');
    }
  }
}
