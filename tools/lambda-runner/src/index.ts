export { LambdaFunction } from './lambda-function';
export type { LambdaFunctionOptions } from './lambda-function';
export { LambdaInvocationError } from './lambda-invocation-error';
export type { InvocationFailureKind } from './lambda-invocation-error';
