import { Select } from 'antd';
import { useState } from 'react';
import { useCounterRooms } from './api.ts';
import { useDebounced } from './useDebounced.ts';

/** A room found as the counter finds it (code, owner name or phone), typed into a searchable select. */
export function RoomPicker({ value, onChange, placeholder, testId }: { value: string | null; onChange: (roomId: string) => void; placeholder: string; testId: string }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const rooms = useCounterRooms(q);
  return (
    <Select showSearch filterOption={false} placeholder={placeholder} onSearch={setText} value={value ?? undefined} onChange={onChange}
      loading={rooms.isFetching} data-testid={testId} notFoundContent={q ? undefined : null}
      options={(rooms.data?.items ?? []).map((r) => ({ value: r.roomId, label: `${r.code} ${r.ownerName ?? ''}`.trim() }))} />
  );
}
