/** placeholder: built by the payments slices (issue 8) */
export function PayBillsPage() {
  return null;
}
