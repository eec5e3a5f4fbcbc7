/** PLACEHOLDER: lands with its slice. */
export default function CalendarPage() {
  return null;
}
