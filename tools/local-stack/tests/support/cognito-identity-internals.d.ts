// The SRP internals of amazon-cognito-identity-js, used as the reference client in unit tests.
declare module 'amazon-cognito-identity-js/lib/AuthenticationHelper' {
  import type BigInteger from 'amazon-cognito-identity-js/lib/BigInteger';

  export default class AuthenticationHelper {
    constructor(poolName: string);
    getLargeAValue(callback: (error: unknown, largeA: BigInteger) => void): void;
    getPasswordAuthenticationKey(
      username: string,
      password: string,
      serverB: BigInteger,
      salt: BigInteger,
      callback: (error: unknown, key: Buffer) => void,
    ): void;
  }
}

declare module 'amazon-cognito-identity-js/lib/BigInteger' {
  export default class BigInteger {
    constructor(value: string, radix: number);
    toString(radix: number): string;
  }
}

declare module 'amazon-cognito-identity-js/lib/DateHelper' {
  export default class DateHelper {
    getNowString(): string;
  }
}
