/**
 * Where Create sends the email of a sign-in that gets no real code (an
 * unknown username, a user without a usable address): the SES mailbox
 * simulator's success address. SES accepts, bills and times it like any other
 * email and delivers it to nobody, so SES faults and latency hit known and
 * unknown usernames alike. Local tools hide mail to it from people.
 */
export const DECOY_EMAIL_RECIPIENT = 'success@simulator.amazonses.com';
