/** placeholder: built by the payments slices (issue 8) */
export function PayResultPage() {
  return null;
}
