import { InboxList } from '../inbox/InboxList.tsx';

/** The "Messages" tab of both H5 apps. */
export function H5InboxPage() {
  return (
    <div data-testid="h5-inbox">
      <InboxList mobile />
    </div>
  );
}
