import type { TFunction } from 'i18next';

/** A role's name for people ("finance" -> "Finance" / "财务"); an unknown role shows the server's label, else its name. Pure. */
export function roleLabel(t: TFunction, name: string, serverLabel?: string): string {
  return t(`roles.${name}`, { defaultValue: serverLabel ?? name });
}

/** An outcome's name for people ("resolved" -> "resolved" / "已解决"); an unknown one shows as it is. Pure. */
export function outcomeLabel(t: TFunction, outcome: string): string {
  return t(`outcomes.${outcome}`, { defaultValue: outcome });
}
