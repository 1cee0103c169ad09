import { EMAIL_TEMPLATES_FILE } from '@cognito-passwordless/contract';
import type { LambdaFunction } from '@cognito-passwordless/lambda-runner';
import { startSesSink, type SesSink } from '@cognito-passwordless/ses-sink';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeployedBundles, localSesEnv } from './bundles';
import { CognitoRounds, KNOWN_USER, type User } from './cognito-rounds';

/** Jane, with her profile's `locale` attribute. */
const janeIn = (locale: string): User => ({ ...KNOWN_USER, userAttributes: { ...KNOWN_USER.userAttributes, locale } });

const italian = {
  subject: 'Il tuo codice {{appName}}',
  text: 'Codice: {{code}} (valido {{minutes}} minuti)',
  html: '<!DOCTYPE html><html lang="it"><head><title>Accesso</title></head><body><p>Codice: {{code}}, valido {{minutes}} minuti.</p></body></html>',
};

describe('the create bundle\'s localized emails', () => {
  let sink: SesSink;
  let bundles: DeployedBundles;
  const env = () => ({ ...localSesEnv(sink.endpoint), EMAIL_FROM: 'sign-in@example.com', EMAIL_APP_NAME: 'Acme', CODE_TTL_SECONDS: '600' });

  beforeAll(async () => {
    sink = await startSesSink();
  });
  afterAll(() => sink?.stop());
  beforeEach(async () => {
    await sink.clear();
    bundles = new DeployedBundles();
  });
  afterEach(() => bundles.stop());

  /** InitiateAuth for a user with `locale`, up to the emailed challenge, with `create` as the Create function. */
  const signInStart = (create: LambdaFunction, locale: string) =>
    new CognitoRounds({ define: bundles.start('define-auth-challenge', {}), create, verify: bundles.start('verify-auth-challenge', {}) }, janeIn(locale)).start();

  it('sends a Japanese text and HTML email to a user whose locale is ja-JP', async () => {
    const create = bundles.start('create-auth-challenge', env());

    await signInStart(create, 'ja-JP');

    const [email] = await sink.emails();
    const code = /\b(\d{6})\b/.exec(email!.body.text!)![1]!;
    expect(email!.subject).toBe('Acme のログインコード');
    expect(email!.body.text).toContain('有効期限は10分');
    expect(email!.body.html).toContain('<html lang="ja"');
    expect(email!.body.html).toContain(`>${code}</p>`);
    expect(email!.body.html).toContain('有効期限は10分');
  });

  it('falls back to EMAIL_DEFAULT_LOCALE for a locale it does not have', async () => {
    const create = bundles.start('create-auth-challenge', { ...env(), EMAIL_DEFAULT_LOCALE: 'es' });

    await signInStart(create, 'nl-BE');

    const [email] = await sink.emails();
    expect(email!.subject).toBe('Tu código para iniciar sesión en Acme');
    expect(email!.body.html).toContain('<html lang="es"');
  });

  it('uses the environment\'s template file next to index.mjs, found through LAMBDA_TASK_ROOT', async () => {
    const folder = bundles.folder('create-auth-challenge');
    writeFileSync(join(folder, EMAIL_TEMPLATES_FILE), JSON.stringify({ it: italian }));
    const create = bundles.start('create-auth-challenge', { ...env(), LAMBDA_TASK_ROOT: folder });

    await signInStart(create, 'it-CH');
    await signInStart(create, 'de');

    const [italianEmail, germanEmail] = await sink.emails();
    expect(italianEmail!.subject).toBe('Il tuo codice Acme');
    expect(italianEmail!.body.text).toMatch(/^Codice: \d{6} \(valido 10 minuti\)$/);
    expect(italianEmail!.body.html).toMatch(/<p>Codice: \d{6}, valido 10 minuti\.<\/p>/);
    expect(germanEmail!.subject).toBe('Ihr Anmeldecode für Acme');
  });

  it('refuses to start with a template file that breaks the rules', async () => {
    const folder = bundles.folder('create-auth-challenge');
    writeFileSync(join(folder, EMAIL_TEMPLATES_FILE), JSON.stringify({ it: { ...italian, text: 'Codice: {{code}}' } }));
    const create = bundles.start('create-auth-challenge', { ...env(), LAMBDA_TASK_ROOT: folder });

    await expect(signInStart(create, 'it')).rejects.toMatchObject({
      kind: 'init-error',
      errorType: 'EmailTemplateError',
      errorMessage: 'email-templates.json (it.txt) misses {{minutes}}',
    });
    expect(await sink.emails()).toEqual([]);
    rmSync(join(folder, EMAIL_TEMPLATES_FILE));
  });
});
