/** placeholder: built by the payments slices (issue 8) */
export function PrepayPage() {
  return null;
}
