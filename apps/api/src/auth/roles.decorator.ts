import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLES = 'ticketflow:roles';

/** The caller needs at least one of these roles; object-level checks still happen in the service. */
export const Roles = (...roles: string[]) => SetMetadata(REQUIRED_ROLES, roles);
