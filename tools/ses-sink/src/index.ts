export { SesSinkStartError, startSesSink } from './ses-sink';
export type { CapturedEmail, SesSink, SesSinkOptions } from './ses-sink';
export { codesIn, mailStoreUrl, parseMailStore, readMailStore } from './mail-store';
export { closedPort, failingServer, silentServer } from './fault-servers';
export type { FaultServer } from './fault-servers';
export { startSesSwitch } from './ses-switch';
export type { SesSwitch, SesSwitchMode } from './ses-switch';
