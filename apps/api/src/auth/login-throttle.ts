import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FailureThrottle, type ThrottleKey, type ThrottleRule } from './failure-throttle.js';

// One account from one address: the guesser's own pace. Waits grow to 15 minutes.
const ACCOUNT_ADDRESS: ThrottleRule = {
  name: 'login-acct-addr',
  freeFailures: 5,
  maxDelaySeconds: 900,
  windowSeconds: 3600,
};
// One account from anywhere: catches guessing spread over many addresses, but never makes the owner
// wait more than a minute, so nobody can keep an account shut.
const ACCOUNT: ThrottleRule = {
  name: 'login-acct',
  freeFailures: 20,
  maxDelaySeconds: 60,
  windowSeconds: 3600,
};
// One address, any account: password spraying.
const ADDRESS: ThrottleRule = {
  name: 'login-addr',
  freeFailures: 100,
  maxDelaySeconds: 900,
  windowSeconds: 3600,
};

/** Sign-in throttling per account, per account and address, and per address (see FailureThrottle). */
@Injectable()
export class LoginThrottle {
  private readonly throttle: FailureThrottle;

  constructor(dataSource: DataSource) {
    this.throttle = new FailureThrottle(
      dataSource,
      [ACCOUNT_ADDRESS, ACCOUNT, ADDRESS],
      'too-many-login-attempts',
      'sign-ins',
    );
  }

  check(username: string, address: string): Promise<void> {
    return this.throttle.check(keys(username, address));
  }

  recordFailure(username: string, address: string): Promise<void> {
    return this.throttle.recordFailure(keys(username, address));
  }

  /** The owner got in: their account's counters (this address and overall) start again. */
  recordSuccess(username: string, address: string): Promise<void> {
    return this.throttle.reset(keys(username, address).slice(0, 2));
  }
}

function keys(username: string, address: string): ThrottleKey[] {
  const account = username.toLowerCase().slice(0, 100);
  return [
    { rule: ACCOUNT_ADDRESS, value: `${account}|${address}` },
    { rule: ACCOUNT, value: account },
    { rule: ADDRESS, value: address },
  ];
}
