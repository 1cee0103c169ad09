export { CognitoServiceFault, CognitoWire } from './cognito-wire';
export { Mailbox } from './mailbox';
export { createConfirmedUser, passwordlessSignIn } from './passwordless-sign-in';
export type { CodeSource, SignInTarget, Tokens } from './passwordless-sign-in';
export { CodeCollector } from './code-collector';
export { startStackProcess } from './stack-process';
export type { StackOutputs, StackProcess, StackProcessOptions } from './stack-process';
