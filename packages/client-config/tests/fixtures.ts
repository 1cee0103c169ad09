import type { ClientConfigInput } from '../src/index.js';

export const AWS_INPUT: ClientConfigInput = Object.freeze({
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbCdEf123',
  userPoolClientId: '4l1mkf3qv3gkc1nt3bpq2lr4mo',
  signInFlow: 'passwordless',
  identityPoolId: 'eu-west-1:0f5e2c7a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
});

export const LOCAL_INPUT: ClientConfigInput = Object.freeze({
  ...AWS_INPUT,
  userPoolEndpoint: 'http://127.0.0.1:9229/',
});
