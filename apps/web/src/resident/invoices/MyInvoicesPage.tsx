/** placeholder: built by the payments slices (issue 8) */
export function MyInvoicesPage() {
  return null;
}
