import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ticketflow:public';

/** Marks a route that needs no sign-in (health, login, signed webhooks). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
