/** Line drawings (24 × 24, stroked) of the icons a request type may show; names as in catalogue-icons.ts on the server. */
const PATHS: Record<string, string> = {
  general: 'M6 3h9l3 3v15H6z M9 10h6 M9 14h6 M9 18h4',
  refund: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M8.5 7l3.5 4.5L15.5 7 M12 11.5V18 M9 13h6 M9 16h6',
  return: 'M3 7l9-4 9 4v10l-9 4-9-4z M3 7l9 4 9-4 M12 11v10',
  repair: 'M15 4a4 4 0 0 0-4.5 5.5L4 16v4h4l6.5-6.5A4 4 0 0 0 20 9l-3 1-2-2 1-3z',
  complaint: 'M4 5h16v11H10l-6 4z M8 9h8 M8 12h5',
  incident: 'M12 3l10 18H2z M12 10v5 M12 18v.5',
  change: 'M4 12a8 8 0 0 1 14-5.3 M18 3v4h-4 M20 12a8 8 0 0 1-14 5.3 M6 21v-4h4',
  access: 'M8 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M12 12h9 M18 12v3 M21 12v2',
  hardware: 'M5 5h14v10H5z M2 19h20',
  document: 'M6 3h9l3 3v15H6z M15 3v3h3 M9 12h6 M9 16h6',
};

/** The names of the icons (the server refuses any other). */
export const CATALOGUE_ICON_NAMES = Object.keys(PATHS);

/** A request type's icon, drawn in the text colour; decorative (the title says what it is). */
export function CatalogueIcon({ name, size = 28 }: { name: string; size?: number }) {
  return (
    <svg
      className="catalogue-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      data-icon={name}
    >
      <path d={PATHS[name] ?? PATHS.general} />
    </svg>
  );
}
