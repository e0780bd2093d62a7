import { Injectable } from '@nestjs/common';

/**
 * Whether this process should get new traffic. Turns false for good when
 * shutdown starts (SIGTERM), before anything else stops, so a load balancer
 * polling `/api/health/ready` takes the process out while it still answers.
 */
@Injectable()
export class Readiness {
  private drainingSince: Date | null = null;

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  /** Marks the process as draining (idempotent). */
  startDraining(): void {
    this.drainingSince ??= new Date();
  }
}
