export { startSesSink } from './ses-sink';
export type { CapturedEmail, SesSink, SesSinkOptions } from './ses-sink';
