import { EMAIL_TEMPLATES_FILE } from '@cognito-passwordless/contract';
import { startSesSink, type SesSink } from '@cognito-passwordless/ses-sink';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeployedBundles, localSesEnv } from './bundles';
import { KNOWN_USER } from './cognito-rounds';

const firstRound = (locale?: string) => ({
  version: '1',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Example01',
  userName: KNOWN_USER.userName,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
  triggerSource: 'CreateAuthChallenge_Authentication',
  request: {
    userAttributes: { ...KNOWN_USER.userAttributes, ...(locale === undefined ? {} : { locale }) },
    challengeName: 'CUSTOM_CHALLENGE',
    session: [],
    userNotFound: false,
  },
  response: {},
});

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

  it('sends a Japanese text and HTML email to a user whose locale is ja-JP', async () => {
    const create = bundles.start('create-auth-challenge', env());

    await create.invoke(firstRound('ja-JP'));

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

    await create.invoke(firstRound('nl-BE'));

    const [email] = await sink.emails();
    expect(email!.subject).toBe('Tu código para iniciar sesión en Acme');
    expect(email!.body.html).toContain('<html lang="es"');
  });

  it('uses the environment\'s template file next to index.mjs, found through LAMBDA_TASK_ROOT', async () => {
    const folder = bundles.folder('create-auth-challenge');
    writeFileSync(join(folder, EMAIL_TEMPLATES_FILE), JSON.stringify({ it: italian }));
    const create = bundles.start('create-auth-challenge', { ...env(), LAMBDA_TASK_ROOT: folder });

    await create.invoke(firstRound('it-CH'));
    await create.invoke(firstRound('de'));

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

    await expect(create.invoke(firstRound('it'))).rejects.toMatchObject({
      kind: 'init-error',
      errorType: 'EmailTemplateError',
      errorMessage: 'email-templates.json (it.txt) misses {{minutes}}',
    });
    expect(await sink.emails()).toEqual([]);
    rmSync(join(folder, EMAIL_TEMPLATES_FILE));
  });
});
