import {
  CODE_LENGTH,
  dailyGuessProbability,
  MAX_DAILY_GUESS_PROBABILITY,
  MAX_FAILED_ANSWERS_PER_DAY,
} from '@cognito-passwordless/contract';

/** The most wrong answers a day that keep the chance of guessing one user's code within the contract's bound. */
export function maxFailedAnswersPerDayFor(codeLength: number): number {
  return Math.floor(MAX_DAILY_GUESS_PROBABILITY * 10 ** codeLength);
}

/**
 * Why these sign-in settings let an attacker guess one user's code with a
 * daily chance above MAX_DAILY_GUESS_PROBABILITY
 * (MAX_FAILED_ANSWERS_PER_DAY / 10^CODE_LENGTH), naming both settings; or
 * undefined when they are within it. The triggers apply the same rule when
 * they load; checking it here fails synth before a function could refuse to
 * start.
 */
export function guessingBoundProblem(settings: { codeLength: number; maxFailedAnswersPerDay: number }): string | undefined {
  const { codeLength, maxFailedAnswersPerDay } = settings;
  const chance = dailyGuessProbability(maxFailedAnswersPerDay, codeLength);
  if (chance <= MAX_DAILY_GUESS_PROBABILITY) return undefined;
  return (
    `maxFailedAnswersPerDay (${MAX_FAILED_ANSWERS_PER_DAY.name}) ${maxFailedAnswersPerDay} with codeLength ` +
    `(${CODE_LENGTH.name}) ${codeLength} gives a daily chance of ${chance} of guessing one user's code, above ` +
    `${MAX_DAILY_GUESS_PROBABILITY}: allow at most ${maxFailedAnswersPerDayFor(codeLength)} wrong answers a day, or lengthen the code`
  );
}
