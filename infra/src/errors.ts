/** Base of every error the infra app raises on purpose; catch by kind. */
export class InfraError extends Error {
  override readonly name: string = 'InfraError';
}

/** An environment configuration that would synthesize a broken or unsafe stack. */
export class InfraConfigError extends InfraError {
  override readonly name = 'InfraConfigError';

  constructor(
    /** The environment whose configuration is wrong (as given, possibly invalid). */
    readonly environment: string,
    /** Dot path of the first offending field, e.g. `signIn.codeTtlSeconds`. */
    readonly field: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A Lambda bundle the stack packages is missing: the app's `build` target has not run. */
export class LambdaBundleNotFoundError extends InfraError {
  override readonly name = 'LambdaBundleNotFoundError';

  constructor(
    readonly bundleFile: string,
    readonly project: string,
  ) {
    super(`Lambda bundle ${bundleFile} does not exist: run "npx nx run ${project}:build" first`);
  }
}

/** Stack outputs that cannot be turned into client configuration files. */
export class StackOutputsError extends InfraError {
  override readonly name = 'StackOutputsError';
}

/** Bad command-line arguments for one of the infra scripts. */
export class UsageError extends InfraError {
  override readonly name = 'UsageError';
}

/** A contract variable of a trigger that the stack has no value for: a new variable nobody wired. */
export class UnwiredTriggerVariableError extends InfraError {
  override readonly name = 'UnwiredTriggerVariableError';

  constructor(
    readonly trigger: string,
    readonly variable: string,
  ) {
    super(`${trigger} reads ${variable}, but the stack has no value for it: add it to VALUES in trigger-environment.ts`);
  }
}

/** An environment's email template files break a rule; the message names the file and every problem. */
export class EmailTemplateFileError extends InfraError {
  override readonly name = 'EmailTemplateFileError';

  constructor(
    /** The offending file (or folder, when a file is missing). */
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Email template ${file}: ${problems.join('; ')}`);
  }
}
