import { buildAmplifyConfiguration } from './amplify-configuration.js';
import { buildAmplifyOutputs } from './amplify-outputs.js';
import type { ClientConfigInput } from './client-config-input.js';

export const AMPLIFY_OUTPUTS_FILE_NAME = 'amplify_outputs.json';
export const AMPLIFY_CONFIGURATION_FILE_NAME = 'amplifyconfiguration.json';

export interface ClientConfigFile {
  readonly fileName: string;
  /** Pretty-printed JSON ending in a newline, ready to write as UTF-8. */
  readonly contents: string;
}

/**
 * Renders both client files. The caller writes them: this library does no I/O,
 * so the infra CLI and the local stack share it.
 */
export function buildClientConfigFiles(input: ClientConfigInput): readonly ClientConfigFile[] {
  return [
    { fileName: AMPLIFY_OUTPUTS_FILE_NAME, contents: toJson(buildAmplifyOutputs(input)) },
    { fileName: AMPLIFY_CONFIGURATION_FILE_NAME, contents: toJson(buildAmplifyConfiguration(input)) },
  ];
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
